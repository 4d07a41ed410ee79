import type { FieldErrors, FormProblem } from '@/lib/enquiry-kinds/form';
import { databaseRetryAfterSeconds } from '@/lib/http/database-outcome';

export type { FieldErrors };

/** An RFC 9457 problem: what every error answer of the enquiry API says, as JSON or as a page. */
export type Problem = FormProblem;

export const problems = {
  methodNotAllowed: { status: 405, title: 'Method not allowed', detail: 'Send enquiries and briefs with POST.' },
  crossSite: {
    status: 403,
    title: 'Cross-site request refused',
    detail: 'Enquiries can only be sent from this site.',
  },
  unsupportedType: {
    status: 415,
    title: 'Unsupported content type',
    detail: 'Send application/json, application/x-www-form-urlencoded or multipart/form-data.',
  },
  tooLarge: { status: 413, title: 'Enquiry too large', detail: 'An enquiry must be under 32 KiB.' },
  malformed: (detail: string) => ({ status: 400, title: 'Malformed request', detail }),
  invalid: (errors: FieldErrors) => ({
    status: 422,
    title: 'Please check your enquiry',
    detail: 'Some fields need correcting.',
    errors,
  }),
  keyReused: {
    status: 422,
    title: 'Idempotency-Key already used',
    detail: 'You already sent a different enquiry with this Idempotency-Key. Send each new enquiry with a new key.',
  },
  rateLimited: (retryAfterSeconds: number) => ({
    status: 429,
    title: 'Too many enquiries',
    detail: `Too many enquiries from your address. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    retryAfterSeconds,
  }),
  unavailable: {
    status: 503,
    title: 'Enquiries are unavailable',
    detail: 'We could not store your enquiry just now. Please try again in a minute.',
    retryAfterSeconds: databaseRetryAfterSeconds,
  },
} satisfies Record<string, Problem | ((...args: never[]) => Problem)>;

export function problemJson(problem: Problem): Response {
  const { retryAfterSeconds, ...body } = problem;
  return Response.json(
    { type: 'about:blank', ...body },
    {
      status: problem.status,
      headers: {
        'content-type': 'application/problem+json',
        ...(retryAfterSeconds !== undefined && { 'retry-after': String(retryAfterSeconds) }),
      },
    },
  );
}

/** The answer of an enquiry endpoint to any method but POST. */
export function methodNotAllowed(): Response {
  const response = problemJson(problems.methodNotAllowed);
  response.headers.set('allow', 'POST');
  return response;
}
