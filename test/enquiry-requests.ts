import { count } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { enquiries, outbox } from '@/lib/db/schema';
import { peerAddressHeader } from '@/lib/http/client-address';

import { POST } from '@/app/api/[endpoint]/route';

type Handler = (request: Request) => Promise<Response>;

/** `POST /api/ENDPOINT` as the route handler takes it, for the kind whose endpoint that is. */
export const postTo =
  (endpoint: string): Handler =>
  (request) =>
    POST(request, { params: Promise.resolve({ endpoint }) });
export type FormFields = Record<string, string | boolean | readonly string[] | undefined>;

/**
 * Requests to one enquiry endpoint (`/api/join`, `/api/briefs`) as its tests send them. Each request comes from its
 * own address unless a test says otherwise, so the rate limit stays out of the way.
 */
export function enquiryRequests(handler: Handler, url: string) {
  let client = 0;
  const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    handler(
      new Request(url, {
        method: 'POST',
        body,
        headers: { [peerAddressHeader]: `10.0.0.${++client}`, ...headers },
      }),
    );
  const postJson = (value: unknown, headers: Record<string, string> = {}) =>
    post(JSON.stringify(value), { 'content-type': 'application/json', ...headers });
  const postForm = (values: FormFields, headers: Record<string, string> = {}) =>
    post(formBody(values), { accept: 'text/html', ...headers });
  return { post, postJson, postForm };
}

/** Values as a browser posts a form: a ticked box as `on`, a list as one entry per value, nothing for the rest. */
export function formBody(values: FormFields): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === true) params.set(name, 'on');
    else if (typeof value === 'string') params.set(name, value);
    else if (Array.isArray(value)) for (const item of value) params.append(name, item);
  }
  return params;
}

/** How many enquiries and outbox mails are stored. */
export async function stored() {
  const db = await getDb();
  const [e] = await db.select({ n: count() }).from(enquiries);
  const [o] = await db.select({ n: count() }).from(outbox);
  return { enquiries: e?.n ?? 0, outbox: o?.n ?? 0 };
}
