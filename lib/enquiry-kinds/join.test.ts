import { describe, expect, it } from 'vitest';
import { joinKind } from './join';
import { validate } from './kind';

const validateEnquiry = (input: unknown) => validate(joinKind, input, { serviceSlugs: [], coopSlugs: [] });
import { validEnquiry } from '@/test/enquiry-data';

describe('validateEnquiry', () => {
  it('accepts a complete enquiry and trims text', () => {
    const result = validateEnquiry({ ...validEnquiry, coopName: '  Outlandish  ' });
    expect(result).toEqual({ ok: true, value: { ...validEnquiry, coopName: 'Outlandish' } });
  });

  it('counts a checkbox "on" as ticked and drops empty optional addresses', () => {
    const form = Object.fromEntries(
      Object.entries({ ...validEnquiry, website: '', evidenceUrl: '' }).map(([k, v]) => [k, v === true ? 'on' : v]),
    );
    const result = validateEnquiry(form);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.website).toBeUndefined();
      expect(result.value.consent).toBe(true);
    }
  });

  it('gives a specific message for each field that is wrong', () => {
    const result = validateEnquiry({
      ...validEnquiry,
      coopName: ' ',
      email: 'not-an-email',
      website: 'javascript:alert(1)',
      legalForm: 'plc',
      ukBased: false,
      consent: 'no',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        coopName: ["Enter your co-op's name"],
        email: ['Enter an email address like name@example.coop'],
        website: ["Enter your co-op's website as a full address starting with https://"],
        legalForm: ["Choose your co-op's legal form"],
        ukBased: ['Members must be based in, or have significant ties to, the UK'],
        consent: ['We need your consent to store your enquiry'],
      });
    }
  });

  it('refuses web addresses that carry a user name or password', () => {
    const disguised = [
      'https://coops.tech@evil.example',
      'https://coops.tech:@evil.example/',
      'http://user:pass@evil.example/path',
      'https://:secret@evil.example',
    ];
    for (const address of disguised) {
      const result = validateEnquiry({ ...validEnquiry, website: address, evidenceUrl: address });
      expect(result, address).toEqual({
        ok: false,
        errors: {
          website: ['Enter the address without a user name or password (nothing before an @)'],
          evidenceUrl: ['Enter the address without a user name or password (nothing before an @)'],
        },
      });
    }
    expect(validateEnquiry({ ...validEnquiry, website: 'https:coops.tech@evil.example' })).toMatchObject({
      errors: { website: ["Enter your co-op's website as a full address starting with https://"] },
    });
    expect(validateEnquiry({ ...validEnquiry, website: 'https://evil.example/@coops.tech' }).ok).toBe(true);
  });

  it('requires every required field', () => {
    const result = validateEnquiry({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(
        [
          'agreesWithPrinciples',
          'coopName',
          'consent',
          'contactName',
          'description',
          'email',
          'legalForm',
          'location',
          'providesDigitalServices',
          'ukBased',
          'workerOwned',
        ].sort(),
      );
    }
  });
});
