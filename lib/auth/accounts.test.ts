import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { recentActivity } from '@/lib/audit';
import { closeDb, getDb } from '@/lib/db';
import { resetDatabase } from '@/test/database';
import { addPerson, listPeople, newPerson, setDisabled, setRole } from './accounts';

beforeEach(resetDatabase);
afterAll(closeDb);

describe('account management', () => {
  it('refuses a person without a name, a real address or a role, saying which', () => {
    const issues = (input: unknown) => newPerson.safeParse(input).error?.issues.map((issue) => issue.path[0]) ?? [];
    expect(issues({ name: ' ', email: 'mo@example.coop', role: 'member' })).toEqual(['name']);
    expect(issues({ name: 'Mo', email: 'mo@', role: 'member' })).toEqual(['email']);
    expect(issues({ name: 'Mo', email: 'mo@example.coop', role: 'owner' })).toEqual(['role']);
    expect(newPerson.parse({ name: ' Mo ', email: 'Mo@Example.COOP', role: 'admin' })).toEqual({
      name: 'Mo',
      email: 'mo@example.coop',
      role: 'admin',
    });
  });

  it('adds each address once, and records every change with who made it, from and to', async () => {
    const db = await getDb();
    const admin = await addPerson(db, { name: 'Ada', email: 'ada@example.coop', role: 'admin' }, null);
    const mo = await addPerson(db, { name: 'Mo', email: 'mo@example.coop', role: 'member' }, admin?.id ?? null);
    expect(await addPerson(db, { name: 'Mo again', email: 'mo@example.coop', role: 'admin' }, null)).toBeUndefined();
    const id = mo?.id ?? '';
    const by = admin?.id ?? '';
    expect(await setRole(db, id, 'admin', by)).toBe(true);
    expect(await setRole(db, id, 'admin', by)).toBe(false);
    expect(await setDisabled(db, id, true, by)).toBe(true);
    expect(await setDisabled(db, id, true, by)).toBe(false);
    expect(await setDisabled(db, id, false, by)).toBe(true);
    expect((await listPeople(db)).map((person) => [person.name, person.role, person.disabledAt])).toEqual([
      ['Ada', 'admin', null],
      ['Mo', 'admin', null],
    ]);
    const activity = await recentActivity(db);
    expect(activity.map((entry) => [entry.actorName, entry.action, entry.targetName, entry.from, entry.to])).toEqual([
      ['Ada', 'account.enabled', 'Mo', null, null],
      ['Ada', 'account.disabled', 'Mo', null, null],
      ['Ada', 'account.role', 'Mo', 'member', 'admin'],
      ['Ada', 'account.created', 'Mo', null, 'member'],
      [null, 'account.created', 'Ada', null, 'admin'],
    ]);
  });
});
