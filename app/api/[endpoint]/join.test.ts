import { count, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { enquiries, idempotencyKeys, outbox } from '@/lib/db/schema';
import { resetDatabase } from '@/test/database';
import { enquiryRequests, formBody, stored, postTo } from '@/test/enquiry-requests';
import { peerAddressHeader } from '@/lib/http/client-address';
import { maxBodyBytes } from '@/lib/enquiries/handler';
import { validEnquiry } from '@/test/enquiry-data';

const postJoin = postTo('join');

const url = 'http://localhost:3000/api/join';
const handleJoin = postJoin;
const { post, postJson, postForm } = enquiryRequests(handleJoin, url);

beforeEach(async () => {
  await resetDatabase();
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(closeDb);

describe('POST /api/join with JSON', () => {
  it('stores a valid enquiry with its two mails and answers 201', async () => {
    const response = await postJson(validEnquiry);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(/^J-[2-9A-HJKMNP-TV-Z]{4}$/),
      status: 'received',
    });
    const db = await getDb();
    const [row] = await db.select().from(enquiries);
    expect(row).toMatchObject({
      id: body.id,
      reference: body.reference,
      coopName: 'Outlandish',
      email: 'ada@example.coop',
      status: 'new',
    });
    expect((await db.select().from(outbox)).map((mail) => mail.kind).sort()).toEqual(['notification', 'receipt']);
  });

  it('answers 422 with a problem listing each invalid field, and stores nothing', async () => {
    const response = await postJson({ ...validEnquiry, email: 'nope', workerOwned: false });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 422, title: 'Please check your enquiry' });
    expect(problem.errors).toEqual({
      email: ['Enter an email address like name@example.coop'],
      workerOwned: ['Members must be owned and democratically run by their workers'],
    });
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('answers 400 to a body that is not a JSON object', async () => {
    for (const body of ['{"coopName":', '[1,2]', '"text"', 'null']) {
      const response = await post(body, { 'content-type': 'application/json' });
      expect(response.status, body).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('answers 413 to a body over 32 KiB, declared or not', async () => {
    const huge = JSON.stringify({ ...validEnquiry, description: 'x'.repeat(maxBodyBytes) });
    expect((await post(huge, { 'content-type': 'application/json' })).status).toBe(413);
    const stream = new Blob([huge]).stream();
    const undeclared = await handleJoin(
      new Request(url, {
        method: 'POST',
        body: stream,
        duplex: 'half',
        headers: { 'content-type': 'application/json' },
      } as RequestInit),
    );
    expect(undeclared.status).toBe(413);
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('answers 415 to other content types', async () => {
    for (const type of ['text/plain', 'application/xml', '']) {
      const response = await post('x', type ? { 'content-type': type } : {});
      expect(response.status, type).toBe(415);
    }
  });

  it('answers 403 to another site, an opaque origin or a cross-site fetch', async () => {
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      expect((await postJson(validEnquiry, headers)).status).toBe(403);
    }
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
    expect(
      (await postJson(validEnquiry, { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(201);
  });

  it('pretends success when the honeypot is filled, storing and sending nothing', async () => {
    const response = await postJson({ ...validEnquiry, fax: '01234 567890' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'received', reference: expect.stringMatching(/^J-/) });
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
    const form = await postForm({ ...validEnquiry, fax: '01234 567890' });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toMatch(/^\/join\/thanks\/J-[2-9A-Z]{4}$/);
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('returns the first answer to a repeat with the same Idempotency-Key and stores nothing new', async () => {
    const from = { 'idempotency-key': 'abc-123', [peerAddressHeader]: '192.0.2.20' };
    const first = await (await postJson(validEnquiry, from)).json();
    // The same enquiry, fields reordered and padded: the digest is of the validated enquiry, not the bytes.
    const { coopName, ...rest } = validEnquiry;
    const again = await postJson({ ...rest, coopName: ` ${coopName} ` }, from);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(first);
    expect(await stored()).toEqual({ enquiries: 1, outbox: 2 });
  });

  it('refuses a different enquiry under a key already used, with 422 naming the key, storing nothing', async () => {
    const from = { 'idempotency-key': 'abc-123', [peerAddressHeader]: '192.0.2.21' };
    expect((await postJson(validEnquiry, from)).status).toBe(201);
    const reused = await postJson({ ...validEnquiry, coopName: 'Another Co-op' }, from);
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    const problem = await reused.json();
    expect(problem).toMatchObject({ type: 'about:blank', status: 422, title: 'Idempotency-Key already used' });
    expect(problem.detail).toContain('Idempotency-Key');
    expect(problem.errors).toBeUndefined();
    expect(await stored()).toEqual({ enquiries: 1, outbox: 2 });
  });

  it('keeps each client’s keys to itself: the same key from another client stores its own enquiry', async () => {
    const key = { 'idempotency-key': 'form-1' };
    const mine = await (await postJson(validEnquiry, { ...key, [peerAddressHeader]: '192.0.2.22' })).json();
    const theirs = await postJson(validEnquiry, { ...key, [peerAddressHeader]: '192.0.2.23' });
    expect(theirs.status).toBe(201);
    expect((await theirs.json()).id).not.toBe(mine.id);
    const different = await postJson(
      { ...validEnquiry, coopName: 'Third Co-op' },
      { ...key, [peerAddressHeader]: '2001:db8:5::1' },
    );
    expect(different.status).toBe(201);
    // One IPv6 client is its /64, for keys as for limits.
    const sameClient = await postJson(validEnquiry, { ...key, [peerAddressHeader]: '2001:db8:5::2' });
    expect(sameClient.status).toBe(422);
    expect(await stored()).toEqual({ enquiries: 3, outbox: 6 });
  });

  it('forgets a key after 24 hours: the same key then stores a new enquiry', async () => {
    const from = { 'idempotency-key': 'old-key', [peerAddressHeader]: '192.0.2.24' };
    const first = await (await postJson(validEnquiry, from)).json();
    const db = await getDb();
    await db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '24 hours 1 second'` });
    const later = await postJson({ ...validEnquiry, coopName: 'A Later Co-op' }, from);
    expect(later.status).toBe(201);
    const { id, reference } = await later.json();
    expect(id).not.toBe(first.id);
    expect(reference).not.toBe(first.reference);
    expect(await stored()).toEqual({ enquiries: 2, outbox: 4 });
    // The key now answers for the new enquiry, with its reference, for another day.
    expect(await (await postJson({ ...validEnquiry, coopName: 'A Later Co-op' }, from)).json()).toEqual({
      id,
      reference,
      status: 'received',
    });
    expect((await postJson(validEnquiry, from)).status).toBe(422);
  });

  it('limits enquiries per client address per 10 minutes, with Retry-After', async () => {
    process.env.JOIN_RATE_LIMIT = '2';
    try {
      const from = { [peerAddressHeader]: '192.0.2.7' };
      expect((await postJson(validEnquiry, from)).status).toBe(201);
      expect((await postJson(validEnquiry, from)).status).toBe(201);
      const limited = await postJson(validEnquiry, from);
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect((await postJson(validEnquiry, { [peerAddressHeader]: '192.0.2.8' })).status).toBe(201);
      expect((await stored()).enquiries).toBe(3);
    } finally {
      delete process.env.JOIN_RATE_LIMIT;
    }
  });

  it('counts a whole IPv6 /64 as one client, and an IPv4-mapped address as its IPv4 client', async () => {
    process.env.JOIN_RATE_LIMIT = '2';
    try {
      const from = (address: string) => ({ [peerAddressHeader]: address });
      expect((await postJson(validEnquiry, from('2001:db8:1:2::1'))).status).toBe(201);
      expect((await postJson(validEnquiry, from('2001:db8:1:2:ffff::2'))).status).toBe(201);
      expect((await postJson(validEnquiry, from('2001:db8:1:2:abcd:ef01:2345:6789'))).status).toBe(429);
      expect((await postJson(validEnquiry, from('2001:db8:1:3::1'))).status).toBe(201);
      expect((await postJson(validEnquiry, from('192.0.2.10'))).status).toBe(201);
      expect((await postJson(validEnquiry, from('192.0.2.10'))).status).toBe(201);
      expect((await postJson(validEnquiry, from('::ffff:192.0.2.10'))).status).toBe(429);
    } finally {
      delete process.env.JOIN_RATE_LIMIT;
    }
  });

  it('takes the address from X-Forwarded-For only when TRUST_PROXY=1', async () => {
    process.env.JOIN_RATE_LIMIT = '1';
    try {
      const spoofed = (n: number) => ({ [peerAddressHeader]: '192.0.2.9', 'x-forwarded-for': `198.51.100.${n}` });
      expect((await postJson(validEnquiry, spoofed(1))).status).toBe(201);
      expect((await postJson(validEnquiry, spoofed(2))).status).toBe(429);
      process.env.TRUST_PROXY = '1';
      expect((await postJson(validEnquiry, spoofed(3))).status).toBe(201);
      expect((await postJson(validEnquiry, spoofed(4))).status).toBe(201);
    } finally {
      delete process.env.JOIN_RATE_LIMIT;
      delete process.env.TRUST_PROXY;
    }
  });
});

describe('POST /api/join as a form post', () => {
  it('stores the enquiry and redirects to its thanks page, with its reference, urlencoded or multipart', async () => {
    const urlencoded = await postForm(validEnquiry);
    expect(urlencoded.status).toBe(303);
    const [row] = await (await getDb()).select().from(enquiries);
    // A join enquiry's thanks shows its reference and nothing else from it: no query.
    expect(urlencoded.headers.get('location')).toBe(`/join/thanks/${row?.reference}`);
    const multipart = new FormData();
    for (const [name, value] of formBody(validEnquiry)) multipart.set(name, value);
    const response = await post(multipart, { accept: 'text/html' });
    expect(response.status).toBe(303);
    expect(await stored()).toEqual({ enquiries: 2, outbox: 4 });
  });

  it('shows the form again as HTML with each error by its field and every value kept', async () => {
    const response = await postForm({
      ...validEnquiry,
      email: 'ada@',
      coopName: 'Co <b>&</b> "op"',
      consent: undefined,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(/<p id="email-error"[^>]*>Enter an email address like name@example.coop<\/p>/);
    expect(html).toMatch(
      /<input id="email" required="" aria-describedby="email-error" aria-invalid="true" [^>]*name="email" value="ada@"\/>/,
    );
    expect(html).toContain('value="Co &lt;b&gt;&amp;&lt;/b&gt; &quot;op&quot;"');
    expect(html).toMatch(/<p id="consent-error"[^>]*>We need your consent to store your enquiry<\/p>/);
    expect(html).toMatch(/<input type="checkbox" id="ukBased" [^>]*checked=""/);
    expect(html).not.toMatch(/<input type="checkbox" id="consent" [^>]*checked=""/);
    expect(html).toContain('<option value="co-operative-society" selected="">');
    expect(html).toContain(`${validEnquiry.description}</textarea>`);
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('answers other errors as pages too', async () => {
    const response = await postForm(validEnquiry, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Enquiries can only be sent from this site.');
  });
});

describe('POST /api/join under concurrency', () => {
  it('stores every accepted enquiry exactly once: 200 enquiries, 20 at a time, each sent twice', async () => {
    const total = 200;
    vi.stubEnv('RECEIPT_HOURLY_LIMIT', '50');
    const ids = new Map<number, string>();
    for (let start = 0; start < total; start += 20) {
      const batch = Array.from({ length: 20 }, (_, i) => start + i);
      // Each enquiry and its retry (same Idempotency-Key) race each other in the same batch.
      const answers = await Promise.all(
        batch.flatMap((n) =>
          [0, 1].map(async () => {
            const response = await postJson(
              { ...validEnquiry, coopName: `Co-op ${n}` },
              { 'idempotency-key': `load-${n}`, [peerAddressHeader]: `10.1.${n % 250}.1` },
            );
            expect(response.status).toBe(201);
            return { n, id: ((await response.json()) as { id: string }).id };
          }),
        ),
      );
      for (const { n, id } of answers) {
        expect(ids.get(n) ?? id).toBe(id); // both answers name the same stored enquiry
        ids.set(n, id);
      }
    }
    const db = await getDb();
    const rows = await db.select({ id: enquiries.id, coopName: enquiries.coopName }).from(enquiries);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.coopName)).size).toBe(total);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(ids.values()));
    // A notification for every enquiry; receipts only up to the hour's cap, however the requests interleave.
    const mails = await db.select({ kind: outbox.kind, n: count() }).from(outbox).groupBy(outbox.kind);
    expect(Object.fromEntries(mails.map((row) => [row.kind, row.n]))).toEqual({ notification: total, receipt: 50 });
  });

  it('stores one of two different enquiries racing under one key and refuses the other with 422', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        ['first', 'second'].map((which) =>
          postJson(
            { ...validEnquiry, coopName: `Race ${n} ${which}` },
            { 'idempotency-key': `race-${n}`, [peerAddressHeader]: `10.2.${n}.1` },
          ),
        ),
      ).flat(),
    );
    const statuses = answers.map((answer) => answer.status);
    for (let n = 0; n < 20; n++) expect([statuses[2 * n], statuses[2 * n + 1]].sort()).toEqual([201, 422]);
    expect(await stored()).toEqual({ enquiries: 20, outbox: 40 });
  });
});

describe('POST /api/join without a database', () => {
  it('answers 503 with Retry-After, as JSON and as a page that keeps the values', async () => {
    const original = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:9/none'; // the discard port: nothing listens
    try {
      const response = await postJson(validEnquiry);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const page = await postForm(validEnquiry);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('value="Outlandish"');
    } finally {
      if (original === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = original;
      await closeDb();
    }
  });
});
