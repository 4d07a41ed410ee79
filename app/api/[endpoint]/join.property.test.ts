import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '@/lib/admin/csv';
import { closeDb, getDb } from '@/lib/db';
import { enquiries } from '@/lib/db/schema';
import { resetDatabase } from '@/test/database';
import { peerAddressHeader } from '@/lib/http/client-address';
import { joinKind } from '@/lib/enquiry-kinds';
import { validate } from '@/lib/enquiry-kinds/kind';
import { validEnquiry } from '@/test/enquiry-data';
import { postTo } from '@/test/enquiry-requests';

const handleJoin = postTo('join');
const documented = [201, 303, 400, 403, 413, 415, 422, 429, 503];

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=x',
    'text/plain',
    'text/html',
    '',
  ),
  fc.string(),
);

// Bodies near the real thing (a valid enquiry with fields broken or replaced) as well as arbitrary bytes.
const nearlyValid = fc
  .dictionary(
    fc.constantFrom(...Object.keys(validEnquiry), 'fax', '__proto__', 'constructor'),
    fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null), fc.jsonValue()),
  )
  .map((changes) => JSON.stringify({ ...validEnquiry, ...changes }));
const body = fc.oneof(
  nearlyValid,
  fc.json(),
  fc.string(),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.dictionary(fc.string(), fc.string()).map((fields) => new URLSearchParams(fields).toString()),
);

const headers = fc.record(
  {
    accept: fc.constantFrom('application/json', 'text/html', '*/*', ''),
    origin: fc.oneof(
      fc.constant('http://localhost:3000'),
      fc.constant('null'),
      fc.webUrl().map((url) => new URL(url).origin),
    ),
    'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none', 'same-site'),
    'idempotency-key': fc.string({ maxLength: 300 }),
  },
  { requiredKeys: [] },
);

beforeAll(resetDatabase);
afterAll(closeDb);

describe('POST /api/join with anything at all', () => {
  it('answers a documented status, never a 500, and stores only valid enquiries', async () => {
    let client = 0;
    await fc.assert(
      fc.asyncProperty(contentType, body, headers, async (type, text, extra) => {
        const requestHeaders = new Headers({ [peerAddressHeader]: `10.9.${client % 250}.${++client % 250}` });
        for (const [name, value] of Object.entries({ 'content-type': type, ...extra })) {
          try {
            requestHeaders.set(name, value);
          } catch {
            // A value no HTTP client could send (a newline, say) is not a request the site can receive.
          }
        }
        const response = await handleJoin(
          new Request('http://localhost:3000/api/join', { method: 'POST', headers: requestHeaders, body: text }),
        );
        expect(documented).toContain(response.status);
      }),
      { numRuns: 300 },
    );
    const db = await getDb();
    for (const row of await db.select().from(enquiries)) {
      // A field left out is stored as null; read back, it is left out again.
      const stored = {
        ...Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value ?? undefined])),
        agreesWithPrinciples: true,
        workerOwned: true,
        providesDigitalServices: true,
        ukBased: true,
        consent: true,
      };
      expect(validate(joinKind, stored, { serviceSlugs: [], coopSlugs: [] }).ok).toBe(true);
    }
  });
});

describe('the admin with anything at all', () => {
  it('never lets a CSV cell start a formula', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = csvCell(text);
        expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
        expect(cell.slice(1)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
