import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { forwardingsOf } from '@/lib/audit';
import { addPerson } from '@/lib/auth/accounts';
import { toCsv } from '@/lib/admin/csv';
import { linkCoop } from '@/lib/coops/people';
import { closeDb, getDb } from '@/lib/db';
import { forwardBrief } from '@/lib/hire/forwarding';
import { resetDatabase, storeBrief, storeEnquiry } from '@/test/database';
import { mailTestSettings, validBrief } from '@/test/enquiry-data';
import { enquiryTable } from './csv';
import { notesOf } from './notes';
import { listEnquiries, updateEnquiry } from './store';

beforeEach(resetDatabase);
afterAll(closeDb);

describe('the triage CSV', () => {
  it('reads as the admin page does: labels, words for codes, one co-op column, where it was forwarded, the notes in one cell', async () => {
    const db = await getDb();
    const mo = await addPerson(db, { name: 'Mo Member', email: 'mo@example.coop', role: 'member' }, null);
    if (!mo) throw new Error('not added');
    await linkCoop(db, mo.id, 'without-address', mo.id);
    const { id: brief } = await storeBrief({
      ...validBrief,
      coop: 'agile-collective',
      organisation: '=HYPERLINK("x")',
    });
    const { id: join } = await storeEnquiry();
    await forwardBrief(db, brief, ['with-address'], mo.id, { contacts: mailTestSettings.coops });
    await updateEnquiry(db, brief, { status: 'forwarded', note: 'Called them.' }, mo.id);
    await updateEnquiry(db, brief, { status: 'in-conversation', note: '@SUM(A1) they said' }, mo.id);
    const enquiries = await listEnquiries(db);
    const ids = enquiries.map((enquiry) => enquiry.id);
    const [header = [], ...rows] = enquiryTable(enquiries, {
      ...mailTestSettings,
      coopNames: new Map([...mailTestSettings.coopNames, ['agile-collective', 'Agile Collective']]),
      notes: await notesOf(db, ids),
      forwardings: await forwardingsOf(db, ids),
    });
    expect(header.slice(0, 4)).toEqual(['Reference', 'Kind', 'Received', 'Status']);
    expect(header).toContain('Budget');
    expect(header).toContain('Legal form');
    expect(header.filter((name) => /^co-?op\b/i.test(name))).toEqual(['Co-op']);
    expect(header.slice(-2)).toEqual(['Forwarded to', 'Notes']);
    const row = (id: string) => {
      const reference = enquiries.find((enquiry) => enquiry.id === id)?.reference;
      const found = rows.find((cells) => cells[0] === reference) ?? [];
      return Object.fromEntries(header.map((name, index) => [name, found[index]]));
    };
    expect(row(brief)).toMatchObject({
      Kind: 'Brief',
      Status: 'In conversation',
      Budget: '£5,000 to £20,000',
      Services: 'Web Design, Hosting',
      'Remote is fine': 'Yes',
      'Co-op': 'Agile Collective',
    });
    expect(row(brief)['Forwarded to']).toMatch(/^Has An Address \(.+, by Mo Member\)$/);
    expect(row(brief).Notes).toMatch(/^.+, Mo Member: Called them\.\n.+, Mo Member: @SUM\(A1\) they said$/);
    expect(row(join)).toMatchObject({ Kind: 'Join', 'Co-op': 'Outlandish', 'Forwarded to': '', Notes: '' });
    expect(row(join)['Legal form']).not.toBe('co-operative-society');
    // What people typed still cannot run as a formula.
    const csv = toCsv([header, ...rows]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
  });
});
