import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db';
import { databaseRetryAfterSeconds } from '@/lib/http/database-outcome';

/** The answer of any route when the database cannot be reached: try again shortly, never cached. */
export function databaseUnavailable(): Response {
  return new Response('The site cannot reach its database just now. Please try again in a minute.\n', {
    status: 503,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': String(databaseRetryAfterSeconds),
    },
  });
}

/**
 * A route handler that answers 503 with Retry-After, in one logged line, when the database cannot be reached
 * wherever that happens (opening it, a query, a transaction whose connection died), instead of the 500 Next.js
 * gives a thrown error. Any other error is thrown on as before.
 */
export function withDatabase<Rest extends unknown[]>(
  name: string,
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.error(`${name}: database unavailable:`, error instanceof Error ? error.message : error);
      return databaseUnavailable();
    }
  };
}
