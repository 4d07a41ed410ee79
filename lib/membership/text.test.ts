import { describe, expect, it } from 'vitest';
import { validEnquiry } from '@/test/enquiry-data';
import { declineDraft, entryChanges, proposalText, slugFor, slugProblem } from './text';

const applicant = {
  ...validEnquiry,
  coopName: 'Café Co-op <Leeds>',
  website: validEnquiry.website ?? null,
  evidenceUrl: null,
};

describe('the texts of the members’ decision', () => {
  it('prepares the Loomio proposal from the enquiry: who, where, its words and the four conditions', () => {
    const text = proposalText(applicant);
    expect(text.split('\n')[0]).toBe('Proposal: Café Co-op <Leeds> joins CoTech');
    for (const line of [
      'Website: https://outlandish.example/',
      'Location: London',
      'Legal form: Co-operative society',
      'Evidence: not given',
      validEnquiry.description,
      '- it agrees with and practises the 7 Co-operative Principles',
      '- it is owned and democratically run by its workers',
      '- it provides tech/digital services',
      '- it is based in, or has significant ties to, the UK',
    ]) {
      expect(text).toContain(line);
    }
    // Consent to storing the enquiry is not a condition of membership.
    expect(text).not.toContain('store this enquiry');
  });

  it('derives the entry’s address from the name, and refuses a malformed or taken one', () => {
    expect(slugFor(applicant.coopName)).toBe('cafe-co-op-leeds');
    expect(slugProblem('cafe-co-op-leeds', () => false)).toBeUndefined();
    expect(slugProblem('../etc', () => false)).toBe('slug-format');
    expect(slugProblem('autonomic', (slug) => slug === 'autonomic')).toBe('slug-taken');
  });

  it('proposes the entry’s name, website, town, membership and the day it joined, and drafts a kind reply', () => {
    expect(entryChanges(applicant, new Date('2026-12-06T23:30:00Z'))).toEqual({
      name: 'Café Co-op <Leeds>',
      member: true,
      website: 'https://outlandish.example/',
      town: 'London',
      joined: '2026-12-06',
    });
    const draft = declineDraft(applicant);
    expect(draft).toMatch(/^Dear Ada Lovelace,/);
    expect(draft).toContain('on behalf of Café Co-op <Leeds>');
  });
});
