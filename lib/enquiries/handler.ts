import 'server-only';
import { randomInt } from 'node:crypto';
import { getDb, isDatabaseUnavailable } from '@/lib/db';
import type { EnquiryKindDescription } from '@/lib/enquiry-kinds';
import { formValues, honeypotField, type FormDescription, type FormState } from '@/lib/enquiry-kinds/form';
import { formOf, thanksPathOf, validate } from '@/lib/enquiry-kinds/kind';
import { clientAddress } from '@/lib/http/client-address';
import { largeBodyBytes } from '@/lib/http/body-limit';
import { isCrossSite } from '@/lib/http/cross-site';
import { problemJson, problems, type Problem } from '@/lib/http/problem';
import { takeRateLimit } from '@/lib/http/rate-limit';
import { rateLimitKey } from '@/lib/http/rate-limit-key';
import { kickOutbox } from '@/lib/mail/worker';
import { settings } from '@/lib/settings';
import { site } from '@/lib/site';
import { kindContext } from './choices';
import { newReference } from './reference';
import { enquiryDigest, findKeyUse } from './idempotency';
import { createEnquiry, referenceOf } from './store';

export const maxBodyBytes = largeBodyBytes;
const rateWindowSeconds = 600;
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

type Body = { kind: 'json' | 'form'; values: Record<string, unknown> };

/** The answer to a failed form post for visitors without JavaScript: the form again, as a page (components/). */
export type FormPage = (state: FormState) => Promise<Response>;

/**
 * What a kind's thanks shows from what was sent, beside the reference (the member co-ops that match a brief): the
 * query its thanks page's address carries, and what the JSON answer carries for the form's thanks in place. Made
 * from the validated values alone, never from the stored enquiry, so a thanks page shows only what its address says.
 */
export type ThanksDetails = (values: Readonly<Record<string, unknown>>) => {
  query: string;
  answer: Readonly<Record<string, unknown>>;
};

/** What the route gives the handler from above lib/: the failed post's page, and the kind's thanks details. */
export type EnquiryPages = { formPage: FormPage; thanks?: ThanksDetails };

/**
 * `POST /api/join` and `POST /api/briefs`: one contract, in docs/enquiries.md, for every kind of enquiry, all of it read
 * from the kind's description. Form posts get the same answers as pages, rendered by `formPage`.
 */
export function enquiryHandler(
  kind: EnquiryKindDescription,
  pages: EnquiryPages,
): (request: Request) => Promise<Response> {
  return (request) => handleEnquiry(kind, pages, request);
}

async function handleEnquiry(
  kind: EnquiryKindDescription,
  { formPage, thanks }: EnquiryPages,
  request: Request,
): Promise<Response> {
  const form = formOf(kind);
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  const accept = request.headers.get('accept') ?? '';
  const isForm = formTypes.includes(mediaType);
  const asPage = isForm ? !/application\/(problem\+)?json/.test(accept) : accept.includes('text/html');
  const fail = (problem: Problem, values: Record<string, unknown> = {}) =>
    asPage ? formPage({ problem, values }) : problemJson(problem);

  if (isCrossSite(request.headers, [new URL(request.url).origin, site.url])) return fail(problems.crossSite);
  if (!isForm && mediaType !== 'application/json') return fail(problems.unsupportedType);

  const body = await readBody(request, isForm ? 'form' : 'json', form);
  if ('status' in body) return fail(body);
  const { values } = body;

  // A form post lands on its thanks page, /PAGE/thanks/REFERENCE with what the thanks shows in the query
  // (post/redirect/get); JSON gets the reference and the same details, for the thanks in place.
  const accepted = (id: string, reference: string, sent?: Readonly<Record<string, unknown>>) => {
    const details = sent && thanks?.(sent);
    const location = `${thanksPathOf(kind)}/${reference}${details?.query ? `?${details.query}` : ''}`;
    return asPage
      ? new Response(null, { status: 303, headers: { location } })
      : Response.json({ id, reference, status: 'received', ...details?.answer }, { status: 201 });
  };

  // A bot filled in the hidden field: answer as if all went well, with a reference like any, and keep nothing.
  const honeypot = values[honeypotField];
  if (typeof honeypot === 'string' && honeypot !== '') {
    return accepted(crypto.randomUUID(), newReference(kind.reference, randomInt));
  }

  const validation = validate(kind, values, kindContext);
  if (!validation.ok) return fail(problems.invalid(validation.errors), values);
  const sent = validation.value;

  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    return fail(problems.malformed('Idempotency-Key must be 1 to 200 visible ASCII characters.'), values);
  }
  const client = rateLimitKey(clientAddress(request.headers));
  const idempotency = key ? { client, key, digest: enquiryDigest(validation.value) } : undefined;
  const current = settings();

  try {
    const db = await getDb();
    const used = idempotency && (await findKeyUse(db, idempotency));
    if (used?.outcome === 'conflict') return fail(problems.keyReused, values);
    if (used) return accepted(used.id, await referenceOf(db, used.id), sent);
    const limit = current[kind.endpoint.rateLimitSetting];
    const rate = await takeRateLimit(db, kind.endpoint.rateLimit, client, limit, rateWindowSeconds);
    if (!rate.allowed) return fail(problems.rateLimited(rate.retryAfterSeconds), values);
    const stored = await createEnquiry(db, kind, validation.value, {
      idempotency,
      receiptHourlyLimit: current.RECEIPT_HOURLY_LIMIT,
    });
    if (stored.outcome === 'conflict') return fail(problems.keyReused, values);
    if (stored.outcome === 'repeat') return accepted(stored.id, await referenceOf(db, stored.id), sent);
    kickOutbox();
    return accepted(stored.id, stored.reference, sent);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`${kind.kind}: database unavailable:`, error instanceof Error ? error.message : error);
    return fail(problems.unavailable, values);
  }
}

async function readBody(
  request: Request,
  kind: Body['kind'],
  form: Pick<FormDescription, 'fields'>,
): Promise<Body | Problem> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBodyBytes) return problems.tooLarge;
  const bytes = await readLimited(request.body, maxBodyBytes);
  if (!bytes) return problems.tooLarge;
  if (kind === 'json') {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return problems.malformed('The body must be a JSON object.');
      }
      return { kind, values: parsed as Record<string, unknown> };
    } catch {
      return problems.malformed('The body is not valid JSON.');
    }
  }
  try {
    const data = await new Response(bytes, { headers: request.headers }).formData();
    return { kind, values: formValues(data, form) };
  } catch {
    return problems.malformed('The form data could not be read.');
  }
}

/** The body, or undefined as soon as it passes `limit` bytes: a large body is never held in memory. */
async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!stream) return new Uint8Array(new ArrayBuffer(0));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
