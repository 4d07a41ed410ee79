import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { coopPeople, outbox, users } from '@/lib/db/schema';
import { outboxSettings } from '@/lib/runtime/site-mail';
import { site } from '@/lib/site';
import { resetDatabase } from '@/test/database';
import { remindReviews } from './reminders';

const confirmed = '2025-01-10T00:00:00.000Z';
const coops = [
  { slug: 'agile-collective', confirmed },
  { slug: 'outlandish', confirmed },
];
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

async function person(id: string, coop: string, disabled = false) {
  const db = await getDb();
  await db.insert(users).values({
    id,
    name: id,
    email: `${id}@example.coop`,
    role: 'contact',
    ...(disabled && { disabledAt: new Date() }),
  });
  await db.insert(coopPeople).values({ userId: id, coop });
}

async function mails() {
  const db = await getDb();
  return db
    .select({ userId: outbox.userId, coop: outbox.coopSlug, kind: outbox.kind })
    .from(outbox)
    .where(eq(outbox.kind, 'review'))
    .orderBy(outbox.id);
}

beforeEach(resetDatabase);
afterAll(closeDb);

describe('review reminders', () => {
  it('are due at 12 months, not before, one mail per linked person, at most once a month', async () => {
    const db = await getDb();
    await person('ann', 'agile-collective');
    await person('bob', 'agile-collective');
    expect(await remindReviews(db, day('2026-01-09'), coops)).toEqual([]);
    expect(await mails()).toEqual([]);

    expect(await remindReviews(db, day('2026-01-10'), coops)).toEqual(['agile-collective']);
    expect((await mails()).map(({ userId }) => userId).sort()).toEqual(['ann', 'bob']);

    expect(await remindReviews(db, day('2026-02-09'), coops)).toEqual([]);
    expect(await mails()).toHaveLength(2);
    expect(await remindReviews(db, day('2026-02-11'), coops)).toEqual(['agile-collective']);
    expect(await mails()).toHaveLength(4);
  });

  it('stop once the entry is confirmed', async () => {
    const db = await getDb();
    await person('ann', 'agile-collective');
    expect(await remindReviews(db, day('2026-02-01'), coops)).toEqual(['agile-collective']);
    const reconfirmed = [{ slug: 'agile-collective', confirmed: '2026-02-15T00:00:00.000Z' }];
    expect(await remindReviews(db, day('2026-04-01'), reconfirmed)).toEqual([]);
    expect(await mails()).toHaveLength(1);
  });

  it('go to nobody for co-ops without linked people, nor to disabled people', async () => {
    const db = await getDb();
    await person('gone', 'outlandish', true);
    expect(await remindReviews(db, day('2026-06-01'), coops)).toEqual([]);
    expect(await mails()).toEqual([]);
  });

  it('mail names the co-op and links to its review page', async () => {
    const db = await getDb();
    await person('ann', 'agile-collective');
    await remindReviews(db, day('2026-06-01'), coops);
    const rows = await db.select().from(outbox);
    const compose = await outboxSettings({
      MAIL_FROM: undefined,
      OUTBOX_RETRY_SECONDS: 1,
      JOIN_NOTIFY_TO: undefined,
    }).compose(db, rows);
    const [mail, label] = compose(rows[0]!);
    expect(mail.to).toBe('ann@example.coop');
    expect(mail.subject).toBe("Is Agile Collective's entry still right?");
    expect(mail.text).toContain(`${site.url}/account/coops/agile-collective`);
    expect(mail.html).toContain(`href="${site.url}/account/coops/agile-collective"`);
    expect(label).toEqual({ kind: 'review', userId: 'ann', coop: 'agile-collective' });
  });
});
