import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { beginShutdown } from './lifecycle';
import { resetDatabase } from '@/test/database';
import { joinKind } from '@/lib/enquiry-kinds';
import { createEnquiry } from '@/lib/enquiries/store';
import { validEnquiry } from '@/test/enquiry-data';
import { liveness, readiness } from './health';

beforeAll(resetDatabase);
afterAll(closeDb);

describe('the health endpoints', () => {
  it('say the process is live, never to be cached', async () => {
    const response = liveness();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('are ready with the outbox backlog: how many mails wait, and for how long the oldest has', async () => {
    const empty = await readiness();
    expect(empty.status).toBe(200);
    expect(empty.headers.get('cache-control')).toBe('no-store');
    expect(await empty.json()).toEqual({ database: 'ok', outbox: { unsent: 0, oldestUnsentSeconds: null } });

    await createEnquiry(await getDb(), joinKind, validEnquiry, { receiptHourlyLimit: 30 });
    const body = (await (await readiness()).json()) as { outbox: { unsent: number; oldestUnsentSeconds: number } };
    expect(body.outbox.unsent).toBe(2);
    expect(body.outbox.oldestUnsentSeconds).toBeGreaterThanOrEqual(0);
    expect(body.outbox.oldestUnsentSeconds).toBeLessThan(60);
    expect(JSON.stringify(body)).not.toContain(validEnquiry.email); // counts only, nothing personal
  });

  it('are not ready when the database cannot be reached', async () => {
    await closeDb();
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:9/none'; // the discard port: nothing listens
    try {
      const response = await readiness();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ database: 'unavailable' });
    } finally {
      delete process.env.DATABASE_URL;
      await closeDb();
    }
  });

  it('are not ready once the server is shutting down', async () => {
    beginShutdown();
    const response = await readiness();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ database: 'shutting down' });
  });
});
