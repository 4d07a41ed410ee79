import { describe, expect, it } from 'vitest';
import { validateEnquiry } from './schema';
import { validEnquiry } from './test-data';

describe('validateEnquiry', () => {
  it('accepts a complete enquiry and trims text', () => {
    const result = validateEnquiry({ ...validEnquiry, coopName: '  Outlandish  ' });
    expect(result).toEqual({ ok: true, enquiry: { ...validEnquiry, coopName: 'Outlandish' } });
  });

  it('counts a checkbox "on" as ticked and drops empty optional addresses', () => {
    const form = Object.fromEntries(
      Object.entries({ ...validEnquiry, website: '', evidenceUrl: '' }).map(([k, v]) => [k, v === true ? 'on' : v]),
    );
    const result = validateEnquiry(form);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.enquiry.website).toBeUndefined();
      expect(result.enquiry.consent).toBe(true);
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
