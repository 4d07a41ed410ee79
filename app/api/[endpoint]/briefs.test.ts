import { allCoops } from 'contentlayer/generated';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { enquiries, outbox } from '@/lib/db/schema';
import { resetDatabase } from '@/test/database';
import { enquiryRequests, formBody, stored, postTo } from '@/test/enquiry-requests';
import { peerAddressHeader } from '@/lib/http/client-address';
import { maxBodyBytes } from '@/lib/enquiries/handler';
import { validBrief, validEnquiry } from '@/test/enquiry-data';

const postBrief = postTo('briefs');
const postJoin = postTo('join');

// The contract is /api/join's (app/api/[endpoint]/join.test.ts tests each part of it in depth); these tests check that a
// brief gets every part of it, and what is a brief's own: its fields, its storage and its thanks page.
const { post, postJson, postForm } = enquiryRequests(postBrief, 'http://localhost:3000/api/briefs');

beforeEach(async () => {
  await resetDatabase();
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(closeDb);

describe('POST /api/briefs with JSON', () => {
  it('stores a valid brief as a new lead with its notification and receipt, and answers 201', async () => {
    const response = await postJson(validBrief);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(/^B-[2-9A-HJKMNP-TV-Z]{4}$/),
      status: 'received',
    });
    const db = await getDb();
    const [row] = await db.select().from(enquiries);
    expect(row).toMatchObject({
      id: body.id,
      reference: body.reference,
      kind: 'brief',
      status: 'new',
      organisation: 'Friends of the Park',
      contactName: 'Grace Hopper',
      email: 'grace@example.org',
      services: ['web-design', 'hosting'],
      technologies: ['WordPress'],
      budget: '5k-20k',
      timescale: '1-3-months',
      location: 'Leeds',
      remote: true,
      coopName: null,
      legalForm: null,
    });
    expect((await db.select().from(outbox)).map((mail) => mail.kind).sort()).toEqual(['notification', 'receipt']);
  });

  it('answers with the member co-ops that match what was asked, each card saying which service it offers', async () => {
    const offering = allCoops.filter((coop) => coop.member && coop.services?.includes('hosting'));
    const response = await postJson({ ...validBrief, services: ['hosting'], technologies: [] });
    const { matches } = (await response.json()) as {
      matches: { full: boolean; intro: string; cards: { slug: string; lines: string[] }[] };
    };
    expect(matches.full).toBe(true);
    expect(matches.intro).toMatch(/^\d+ member co-ops offer Hosting/);
    expect(matches.cards.length).toBe(Math.min(offering.length, 6));
    for (const card of matches.cards) {
      expect(offering.map((coop) => coop.slug)).toContain(card.slug);
      expect(card.lines).toEqual(['Offers Hosting.']);
    }
  });

  it('answers 422 naming each invalid field, and stores nothing', async () => {
    const response = await postJson({
      ...validBrief,
      services: ['web-design', 'time-travel'],
      budget: 'a-lot',
      location: '',
      remote: false,
      consent: false,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ type: 'about:blank', status: 422, title: 'Please check your enquiry' });
    expect(problem.errors).toEqual({
      services: ['Choose services from the list'],
      budget: ['Choose a budget range'],
      location: ['Enter your town or city, or tick “Remote is fine”'],
      consent: ['We need your consent to store your brief'],
    });
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('stores the member co-op the client named, and refuses a co-op that is not a current member', async () => {
    const member = allCoops.find((coop) => coop.member);
    const former = allCoops.find((coop) => !coop.member);
    if (!member || !former) throw new Error('the directory needs a member and a former member');
    expect((await postJson({ ...validBrief, coop: member.slug })).status).toBe(201);
    for (const coop of [former.slug, 'no-such-coop']) {
      const refused = await postJson({ ...validBrief, coop });
      expect(refused.status).toBe(422);
      expect((await refused.json()).errors).toEqual({ coop: ['Choose a co-op from the list'] });
    }
    const db = await getDb();
    expect((await db.select().from(enquiries)).map((row) => row.coop)).toEqual([member.slug]);
    expect((await postJson({ ...validBrief, coop: '' })).status).toBe(201);
    expect((await db.select().from(enquiries)).map((row) => row.coop).sort()).toEqual([member.slug, null]);
  });

  it('answers 400, 413 and 415 as /api/join does, storing nothing', async () => {
    expect((await post('{"organisation":', { 'content-type': 'application/json' })).status).toBe(400);
    const huge = JSON.stringify({ ...validBrief, description: 'x'.repeat(maxBodyBytes) });
    expect((await post(huge, { 'content-type': 'application/json' })).status).toBe(413);
    expect((await post('x', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('answers 403 to another site', async () => {
    expect((await postJson(validBrief, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('pretends success when the honeypot is filled, storing nothing', async () => {
    const response = await postJson({ ...validBrief, fax: '01234 567890' });
    expect(response.status).toBe(201);
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('answers a repeat under the same Idempotency-Key as before, and refuses another brief under it', async () => {
    const from = { 'idempotency-key': 'brief-1', [peerAddressHeader]: '192.0.2.30' };
    const first = await (await postJson(validBrief, from)).json();
    // The same brief as a form would give it: technologies as one comma-separated text, one box ticked per value.
    const again = await postJson({ ...validBrief, technologies: ' WordPress, ' }, from);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(first);
    const other = await postJson({ ...validBrief, organisation: 'Another Org' }, from);
    expect(other.status).toBe(422);
    expect((await other.json()).title).toBe('Idempotency-Key already used');
    expect(await stored()).toEqual({ enquiries: 1, outbox: 2 });
  });

  it('limits briefs per client in their own count (BRIEF_RATE_LIMIT), apart from join enquiries', async () => {
    vi.stubEnv('BRIEF_RATE_LIMIT', '1');
    vi.stubEnv('JOIN_RATE_LIMIT', '1');
    const from = { [peerAddressHeader]: '192.0.2.31' };
    expect((await postJson(validBrief, from)).status).toBe(201);
    const limited = await postJson(validBrief, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const join = enquiryRequests(postJoin, 'http://localhost:3000/api/join');
    expect((await join.postJson(validEnquiry, from)).status).toBe(201);
  });

  it('answers 503 when the database is unavailable', async () => {
    const original = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:9/none';
    try {
      const response = await postJson(validBrief);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
    } finally {
      if (original === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = original;
      await closeDb();
    }
  });
});

describe('POST /api/briefs as a form post', () => {
  it('stores every ticked service and redirects to the brief’s thanks page, urlencoded or multipart', async () => {
    const urlencoded = await postForm({ ...validBrief, technologies: 'WordPress, Drupal, Cobol 2099' });
    expect(urlencoded.status).toBe(303);
    const [first] = await (await getDb()).select().from(enquiries);
    // Its reference, and what the client asked for, as matching reads it: the technologies the directory knows, and
    // no town, since remote is fine.
    expect(urlencoded.headers.get('location')).toBe(
      `/hire/thanks/${first?.reference}?service=web-design&service=hosting&technology=wordpress&technology=drupal`,
    );
    const multipart = new FormData();
    for (const [name, value] of formBody(validBrief)) multipart.append(name, value);
    expect((await post(multipart, { accept: 'text/html' })).status).toBe(303);
    const db = await getDb();
    const rows = await db.select().from(enquiries).where(eq(enquiries.kind, 'brief'));
    expect(rows.map((row) => row.services)).toEqual([
      ['web-design', 'hosting'],
      ['web-design', 'hosting'],
    ]);
    expect(rows.map((row) => row.technologies).sort()).toEqual([['WordPress'], ['WordPress', 'Drupal', 'Cobol 2099']]);
    expect(await stored()).toEqual({ enquiries: 2, outbox: 4 });
  });

  it('shows the brief form again with each error by its field and every value, ticked boxes too, kept', async () => {
    const response = await postForm({
      ...validBrief,
      organisation: 'Parks <b>&</b> "Friends"',
      email: 'grace@',
      services: ['hosting'],
      technologies: 'WordPress, Drupal',
      consent: undefined,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<brief-form');
    expect(html).toContain('action="/api/briefs"');
    expect(html).toMatch(/<p id="email-error"[^>]*>Enter an email address like name@example.coop<\/p>/);
    expect(html).toContain('value="Parks &lt;b&gt;&amp;&lt;/b&gt; &quot;Friends&quot;"');
    expect(html).toContain('value="WordPress, Drupal"');
    expect(html).toMatch(/<input type="checkbox" id="services-hosting" [^>]*checked=""/);
    expect(html).not.toMatch(/<input type="checkbox" id="services-web-design" [^>]*checked=""/);
    expect(html).toMatch(/<input type="checkbox" id="remote" [^>]*checked=""/);
    expect(html).toContain('<option value="5k-20k" selected="">');
    expect(html).toMatch(/<p id="consent-error"[^>]*>We need your consent to store your brief<\/p>/);
    expect(html).toContain(`${validBrief.description}</textarea>`);
    expect(await stored()).toEqual({ enquiries: 0, outbox: 0 });
  });

  it('offers every member co-op to name, and keeps the one chosen when the form comes back', async () => {
    const [first, second] = allCoops.filter((coop) => coop.member);
    if (!first || !second) throw new Error('the directory needs two members');
    const html = await (await postForm({ ...validBrief, coop: second.slug, consent: undefined })).text();
    expect(html).toMatch(/<label for="coop"[^>]*>A co-op you’d like to work with \(optional\)<\/label>/);
    expect(html).toContain(`<option value="${first.slug}">`);
    expect(html).toContain(`<option value="${second.slug}" selected="">`);
    for (const former of allCoops.filter((coop) => !coop.member)) {
      expect(html).not.toContain(`<option value="${former.slug}"`);
    }
    const refused = await (await postForm({ ...validBrief, coop: 'no-such-coop' })).text();
    expect(refused).toMatch(/<p id="coop-error"[^>]*>Choose a co-op from the list<\/p>/);
  });

  it('marks the services group invalid when none is ticked', async () => {
    const response = await postForm({ ...validBrief, services: [] });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/<fieldset id="services" aria-describedby="services-hint services-error" aria-invalid="true"/);
    expect(html).toMatch(/<p id="services-error"[^>]*>Choose at least one service<\/p>/);
  });
});

describe('a brief in the database', () => {
  it('cannot take a join enquiry’s status, nor lack its own fields', async () => {
    await postJson(validBrief);
    const db = await getDb();
    await expect(db.update(enquiries).set({ status: 'in-discussion' })).rejects.toThrow();
    await expect(db.update(enquiries).set({ budget: null })).rejects.toThrow();
    await db.update(enquiries).set({ status: 'in-conversation' });
    await expect(db.execute(sql`update enquiries set kind = 'join'`)).rejects.toThrow();
  });
});
