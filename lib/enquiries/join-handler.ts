import 'server-only';
import { isCrossSite } from '@/lib/cross-site';
import { getDb, isDatabaseUnavailable } from '@/lib/db';
import { site } from '@/lib/site';
import { clientAddress } from './client-address';
import { formPage } from './form-page';
import { enquiryDigest, findKeyUse } from './idempotency';
import { problemJson, problems, type Problem } from './problem';
import { takeRateLimit } from './rate-limit';
import { rateLimitKey } from './rate-limit-key';
import { honeypotField, validateEnquiry } from './schema';
import { createEnquiry } from './store';
import { kickOutbox } from './worker';

export const maxBodyBytes = 32 * 1024;
const rateWindowSeconds = 600;
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

type Body = { kind: 'json' | 'form'; values: Record<string, unknown> };

/** `POST /api/join`: the contract is in the README. Form posts get the same answers as pages. */
export async function handleJoin(request: Request): Promise<Response> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  const accept = request.headers.get('accept') ?? '';
  const isForm = formTypes.includes(mediaType);
  const asPage = isForm ? !/application\/(problem\+)?json/.test(accept) : accept.includes('text/html');
  const fail = (problem: Problem, values: Record<string, unknown> = {}) =>
    asPage ? formPage({ problem, values }) : problemJson(problem);

  if (isCrossSite(request.headers, [new URL(request.url).origin, site.url])) return fail(problems.crossSite);
  if (!isForm && mediaType !== 'application/json') return fail(problems.unsupportedType);

  const body = await readBody(request, isForm ? 'form' : 'json');
  if ('status' in body) return fail(body);
  const { values } = body;

  const accepted = (id: string) =>
    asPage
      ? new Response(null, { status: 303, headers: { location: '/join/thanks' } })
      : Response.json({ id, status: 'received' }, { status: 201 });

  // A bot filled in the hidden field: answer as if all went well, and keep nothing.
  const honeypot = values[honeypotField];
  if (typeof honeypot === 'string' && honeypot !== '') return accepted(crypto.randomUUID());

  const validation = validateEnquiry(values);
  if (!validation.ok) return fail(problems.invalid(validation.errors), values);

  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    return fail(problems.malformed('Idempotency-Key must be 1 to 200 visible ASCII characters.'), values);
  }
  const client = rateLimitKey(clientAddress(request.headers));
  const idempotency = key ? { client, key, digest: enquiryDigest(validation.enquiry) } : undefined;

  try {
    const db = await getDb();
    const used = idempotency && (await findKeyUse(db, idempotency));
    if (used) return used.outcome === 'repeat' ? accepted(used.id) : fail(problems.keyReused, values);
    const limit = Number(process.env.JOIN_RATE_LIMIT) || 5;
    const rate = await takeRateLimit(db, 'join', client, limit, rateWindowSeconds);
    if (!rate.allowed) return fail(problems.rateLimited(rate.retryAfterSeconds), values);
    const stored = await createEnquiry(db, validation.enquiry, { idempotency });
    if (stored.outcome === 'conflict') return fail(problems.keyReused, values);
    if (stored.outcome === 'stored') kickOutbox();
    return accepted(stored.id);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error('join: database unavailable:', error instanceof Error ? error.message : error);
    return fail(problems.unavailable, values);
  }
}

async function readBody(request: Request, kind: Body['kind']): Promise<Body | Problem> {
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
    const form = await new Response(bytes, { headers: request.headers }).formData();
    const values: Record<string, unknown> = {};
    for (const [name, value] of form) if (typeof value === 'string' && !(name in values)) values[name] = value;
    return { kind, values };
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
