import { describe, expect, it } from 'vitest';
import { describeProblem } from './problem';
import { coopEmailProblems } from './coop-email';

const coop = (fields: { email?: string; showEmail?: boolean }) => ({
  _raw: { sourceFilePath: 'coops/acme.md' },
  ...fields,
});

describe('coopEmailProblems', () => {
  it('accepts no address, or a valid one shown or not', () => {
    expect(coopEmailProblems(coop({}))).toEqual([]);
    expect(coopEmailProblems(coop({ email: 'hello@acme.coop' }))).toEqual([]);
    expect(coopEmailProblems(coop({ email: 'hello@acme.coop', showEmail: true }))).toEqual([]);
  });

  it('names the file and the field for an address that is not one, or showEmail without an address', () => {
    expect(coopEmailProblems(coop({ email: 'hello at acme' }))).toEqual([
      { file: 'content/coops/acme.md', field: 'email', message: 'email "hello at acme" is not an email address' },
    ]);
    expect(coopEmailProblems(coop({ showEmail: true })).map(describeProblem)).toEqual([
      'content/coops/acme.md: showEmail is true, but there is no email',
    ]);
  });
});
