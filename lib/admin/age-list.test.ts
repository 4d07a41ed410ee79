import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { coopConfirmations, coopPeople, linkChecks, users } from '@/lib/db/schema';
import { resetDatabase } from '@/test/database';
import { entriesByAge } from './age-list';

const entry = (slug: string, confirmed?: string) => ({
  slug,
  name: slug.toUpperCase(),
  url: `/co-op/${slug}`,
  ...(confirmed && { confirmed: `${confirmed}T00:00:00.000Z` }),
});
const coops = [
  entry('recent', '2026-05-01'),
  entry('oldest', '2023-01-01'),
  entry('never'),
  entry('older', '2025-01-01'),
];
const now = new Date('2026-06-01T00:00:00Z');

beforeEach(resetDatabase);
afterAll(closeDb);

describe('entries by age of confirmation', () => {
  it('lists the oldest first, with ages, active people and flagged links', async () => {
    const db = await getDb();
    await db.insert(users).values([
      { id: 'ann', name: 'Ann', email: 'ann@example.coop', role: 'contact' },
      { id: 'gone', name: 'Gone', email: 'gone@example.coop', role: 'contact', disabledAt: now },
    ]);
    await db.insert(coopPeople).values([
      { userId: 'ann', coop: 'older' },
      { userId: 'gone', coop: 'older' },
      { userId: 'ann', coop: 'recent' },
    ]);
    await db.insert(linkChecks).values([
      { url: 'https://older.example/', status: 404, brokenRuns: 3, checkedAt: now },
      { url: 'https://recent.example/', status: 404, brokenRuns: 2, checkedAt: now },
    ]);
    const links = [
      { url: 'https://older.example/', coops: ['older'] },
      { url: 'https://recent.example/', coops: ['recent'] },
    ];
    const rows = await entriesByAge(db, now, coops, links);
    expect(
      rows.map(({ slug, ageMonths, reviewDue, people, flagged }) => ({ slug, ageMonths, reviewDue, people, flagged })),
    ).toEqual([
      { slug: 'never', ageMonths: undefined, reviewDue: true, people: 0, flagged: false },
      { slug: 'oldest', ageMonths: 41, reviewDue: true, people: 0, flagged: false },
      { slug: 'older', ageMonths: 17, reviewDue: true, people: 1, flagged: true },
      { slug: 'recent', ageMonths: 1, reviewDue: false, people: 1, flagged: false },
    ]);
    expect(rows[3]?.links).toMatchObject([{ url: 'https://recent.example/', problem: 'broken', brokenRuns: 2 }]);
  });

  it('counts "Still correct" the site recorded as a confirmation, before it reaches the entry', async () => {
    const db = await getDb();
    await db.insert(coopConfirmations).values({ coop: 'oldest', name: 'Ann', at: new Date('2026-04-15T10:00:00Z') });
    const rows = await entriesByAge(db, now, coops, []);
    expect(rows.map(({ slug, ageMonths, reviewDue }) => ({ slug, ageMonths, reviewDue }))).toEqual([
      { slug: 'never', ageMonths: undefined, reviewDue: true },
      { slug: 'older', ageMonths: 17, reviewDue: true },
      { slug: 'oldest', ageMonths: 1, reviewDue: false },
      { slug: 'recent', ageMonths: 1, reviewDue: false },
    ]);
  });
});
