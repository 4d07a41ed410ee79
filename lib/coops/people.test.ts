import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addPerson } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { auditEvents } from '@/lib/db/schema';
import { resetDatabase } from '@/test/database';
import { allLinks, coopsOf, isLinked, linkCoop, unlinkCoop } from './people';

beforeEach(resetDatabase);
afterAll(closeDb);

describe('linking people to co-ops', () => {
  it('links and unlinks, each change with one audit event naming the person and the co-op (and a contact’s invitation)', async () => {
    const db = await getDb();
    const admin = await addPerson(db, { name: 'Ada', email: 'ada@example.coop', role: 'admin' }, null);
    const cleo = await addPerson(db, { name: 'Cleo', email: 'cleo@example.coop', role: 'contact' }, null);
    const by = admin?.id ?? '';
    const id = cleo?.id ?? '';

    expect(await linkCoop(db, id, 'outlandish', by)).toBe(true);
    expect(await linkCoop(db, id, 'agile-collective', by)).toBe(true);
    expect(await linkCoop(db, id, 'outlandish', by)).toBe(false);
    expect(await coopsOf(db, id)).toEqual(['agile-collective', 'outlandish']);
    expect(await isLinked(db, id, 'outlandish')).toBe(true);
    expect((await allLinks(db)).get(id)).toEqual(['agile-collective', 'outlandish']);

    expect(await unlinkCoop(db, id, 'outlandish', by)).toBe(true);
    expect(await unlinkCoop(db, id, 'outlandish', by)).toBe(false);
    expect(await isLinked(db, id, 'outlandish')).toBe(false);
    expect(await coopsOf(db, id)).toEqual(['agile-collective']);

    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetUserId, id)).orderBy(auditEvents.id);
    expect(events.map(({ action, from, to, actorId }) => ({ action, from, to, actorId }))).toEqual([
      { action: 'account.created', from: null, to: 'contact', actorId: null },
      { action: 'coop.linked', from: null, to: 'outlandish', actorId: by },
      { action: 'account.invited', from: null, to: null, actorId: by },
      { action: 'coop.linked', from: null, to: 'agile-collective', actorId: by },
      { action: 'account.invited', from: null, to: null, actorId: by },
      { action: 'coop.unlinked', from: 'outlandish', to: null, actorId: by },
    ]);
  });
});
