import 'server-only';
import { isCrossSite } from '@/lib/http/cross-site';
import { getDb, isDatabaseUnavailable } from '@/lib/db';
import { site } from '@/lib/site';
import type { ReactElement } from 'react';
import type { FormState } from '@/components/enquiry-form';
import type { Database } from '@/lib/db';
import type { LimitScope } from '@/lib/db/schema';
import { clientAddress } from '../http/client-address';
import { formValues, type FormDescription } from './form';
import { formPage } from '../../components/form-page';
import { enquiryDigest, findKeyUse, type KeyClaim } from './idempotency';
import { problemJson, problems, type Problem } from '../http/problem';
import { takeRateLimit } from '../http/rate-limit';
import { rateLimitKey } from '../http/rate-limit-key';
import { honeypotField, type FieldErrors } from './schema';
import type { Stored } from './store';
import { kickOutbox } from '../mail/worker';

export const maxBodyBytes = 32 * 1024;
const rateWindowSeconds = 600;
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

type Body = { kind: 'json' | 'form'; values: Record<string, unknown> };

/**
 * What the shared handler needs to know of one kind of enquiry (lib/enquiries/kinds.tsx): its form, how it is
 * validated and stored, where a form post goes when it is, and the rate limit it counts against.
 */
export type EnquiryEndpoint<T extends object> = {
  form: FormDescription;
  thanksPath: string;
  /** The limit's scope, and the variable that sets enquiries per client per 10 minutes (5 by default). */
  rateLimit: { scope: LimitScope; variable: string };
  validate(values: Record<string, unknown>): { ok: true; value: T } | { ok: false; errors: FieldErrors };
  store(db: Database, value: T, options: { idempotency?: KeyClaim }): Promise<Stored>;
  /** The form with a failed post's problem and values, for the page that answers it. */
  render(state: FormState): ReactElement;
};

/**
 * `POST /api/join` and `POST /api/briefs`: one contract, in the README. Form posts get the same answers as pages.
 */
export function enquiryHandler<T extends object>(kind: EnquiryEndpoint<T>): (request: Request) => Promise<Response> {
  return (request) => handleEnquiry(kind, request);
}

async function handleEnquiry<T extends object>(kind: EnquiryEndpoint<T>, request: Request): Promise<Response> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  const accept = request.headers.get('accept') ?? '';
  const isForm = formTypes.includes(mediaType);
  const asPage = isForm ? !/application\/(problem\+)?json/.test(accept) : accept.includes('text/html');
  const fail = (problem: Problem, values: Record<string, unknown> = {}) =>
    asPage ? formPage({ problem, values }, kind.render) : problemJson(problem);

  if (isCrossSite(request.headers, [new URL(request.url).origin, site.url])) return fail(problems.crossSite);
  if (!isForm && mediaType !== 'application/json') return fail(problems.unsupportedType);

  const body = await readBody(request, isForm ? 'form' : 'json', kind.form);
  if ('status' in body) return fail(body);
  const { values } = body;

  const accepted = (id: string) =>
    asPage
      ? new Response(null, { status: 303, headers: { location: kind.thanksPath } })
      : Response.json({ id, status: 'received' }, { status: 201 });

  // A bot filled in the hidden field: answer as if all went well, and keep nothing.
  const honeypot = values[honeypotField];
  if (typeof honeypot === 'string' && honeypot !== '') return accepted(crypto.randomUUID());

  const validation = kind.validate(values);
  if (!validation.ok) return fail(problems.invalid(validation.errors), values);

  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    return fail(problems.malformed('Idempotency-Key must be 1 to 200 visible ASCII characters.'), values);
  }
  const client = rateLimitKey(clientAddress(request.headers));
  const idempotency = key ? { client, key, digest: enquiryDigest(validation.value) } : undefined;

  try {
    const db = await getDb();
    const used = idempotency && (await findKeyUse(db, idempotency));
    if (used) return used.outcome === 'repeat' ? accepted(used.id) : fail(problems.keyReused, values);
    const limit = Number(process.env[kind.rateLimit.variable]) || 5;
    const rate = await takeRateLimit(db, kind.rateLimit.scope, client, limit, rateWindowSeconds);
    if (!rate.allowed) return fail(problems.rateLimited(rate.retryAfterSeconds), values);
    const stored = await kind.store(db, validation.value, { idempotency });
    if (stored.outcome === 'conflict') return fail(problems.keyReused, values);
    if (stored.outcome === 'stored') kickOutbox();
    return accepted(stored.id);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`${kind.form.kind}: database unavailable:`, error instanceof Error ? error.message : error);
    return fail(problems.unavailable, values);
  }
}

async function readBody(request: Request, kind: Body['kind'], form: FormDescription): Promise<Body | Problem> {
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
