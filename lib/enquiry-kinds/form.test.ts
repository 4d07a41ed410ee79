import { describe, expect, it } from 'vitest';
import { briefKind, joinKind } from './index';
import { formOf } from './kind';
import { allFields, formValues } from './form';

describe('formValues', () => {
  it('keeps every value of a `choices` field as a list, and the first of any other field', () => {
    const data = new FormData();
    data.append('organisation', 'First');
    data.append('organisation', 'Second');
    data.append('services', 'web-design');
    data.append('services', 'hosting');
    data.append('evidence', new Blob(['a file']), 'file.txt');
    expect(formValues(data, formOf(briefKind))).toEqual({ organisation: 'First', services: ['web-design', 'hosting'] });
  });

  it('reads a join form as one string per field', () => {
    const data = new FormData();
    data.append('coopName', 'Outlandish');
    data.append('coopName', 'Again');
    expect(formValues(data, formOf(joinKind))).toEqual({ coopName: 'Outlandish' });
  });
});

describe('the form descriptions', () => {
  it('name each field once, and end with consent', () => {
    for (const form of [formOf(joinKind), formOf(briefKind)]) {
      const names = allFields(form).map((field) => field.name);
      expect(new Set(names).size, form.kind).toBe(names.length);
      expect(names.at(-1), form.kind).toBe('consent');
    }
  });
});
