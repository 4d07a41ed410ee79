import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addPerson } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { briefKind, joinKind } from '@/lib/enquiry-kinds';
import { validate } from '@/lib/enquiry-kinds/kind';
import { resetDatabase, storeBrief, storeEnquiry } from '@/test/database';
import { mailTestSettings, validBrief, validEnquiry } from '@/test/enquiry-data';
import { enquiryTable } from './csv';
import { eraseEnquiry } from './erasure';
import { composeNotification, composeReceipt } from './mail';
import { getEnquiry } from './store';

// The phone number both kinds ask for, from the descriptions alone: checked, stored, shown to members in the
// notification and the CSV, never in the receipt, and blanked by erasure.

const number = '+44 (0)117 496 0123';
const kinds = [
  { kind: joinKind, store: () => storeEnquiry({ ...validEnquiry, phone: number }) },
  { kind: briefKind, store: () => storeBrief({ ...validBrief, phone: number }) },
];

beforeEach(resetDatabase);
afterAll(closeDb);

describe.each(kinds)('the phone number of a $kind.kind enquiry', ({ kind, store }) => {
  const base = kind === joinKind ? validEnquiry : validBrief;
  const check = (phone: unknown) =>
    validate(kind, { ...base, phone }, { serviceSlugs: ['web-design', 'hosting'], coopSlugs: [] });

  it('is optional, and its own field of the form, as a telephone number', () => {
    const field = kind.fields.find(({ name }) => name === 'phone');
    expect(field).toMatchObject({ type: 'tel', required: false, autoComplete: 'tel' });
    expect(check('').ok).toBe(true);
    expect(check(undefined).ok).toBe(true);
  });

  it('takes a number written as people write one, and refuses what cannot be dialled', () => {
    const taken = check(` ${number} `);
    expect(taken.ok && taken.value.phone).toBe(number);
    for (const wrong of ['call me', '12345', '0117 496 0123 ext 4']) {
      const refused = check(wrong);
      expect(refused.ok, wrong).toBe(false);
      if (!refused.ok) expect(refused.errors.phone?.[0], wrong).toMatch(/phone number/);
    }
  });

  it('is stored, shown in the notification and the CSV, never in the receipt, and blanked by erasure', async () => {
    const db = await getDb();
    const { id } = await store();
    const stored = await getEnquiry(db, id);
    if (!stored) throw new Error('not stored');
    expect(stored.phone).toBe(number);

    const notification = composeNotification(stored, mailTestSettings);
    expect(notification.text).toContain(`Phone: ${number}`);
    expect(notification.html).toContain(number);
    const receipt = composeReceipt(stored);
    expect(`${receipt.subject}${receipt.text}${receipt.html}`).not.toContain('496');

    const [header = [], ...rows] = enquiryTable([stored], {
      ...mailTestSettings,
      notes: new Map(),
      forwardings: new Map(),
    });
    expect(rows[0]?.[header.indexOf('Phone')]).toBe(number);

    const admin = await addPerson(db, { name: 'Ada Admin', email: 'admin@example.net', role: 'admin' }, null);
    if (!admin) throw new Error('no admin');
    expect(await eraseEnquiry(db, id, admin.id)).toBe(true);
    expect((await getEnquiry(db, id))?.phone).toBeNull();
  });
});
