import { request as httpRequest } from 'node:http';
import type { Fetcher } from '@/test/sign-in/over-http';
import { actorHeader } from './round-robin';

/** One step an actor took: what, when (ms since the run began), and how it ended. */
export type StepRecord = {
  actor: string;
  step: string;
  started: number;
  ended?: number;
  outcome?: 'ok' | 'failed' | 'skipped';
  detail?: string;
};

/** One request and its answer (or the network's error), as an actor's HTTP client or browser saw it. */
export type Exchange = {
  actor: string;
  step: string;
  method: string;
  path: string;
  started: number;
  ended: number;
  status?: number;
  /** The answer's content type, for telling pages from the rest. */
  type?: string;
  /** A network error instead of an answer: ECONNREFUSED, ECONNRESET… */
  error?: string;
  by: 'http' | 'browser';
};

/** When the site was not whole: from the signal to a stopping process until its successor answered. */
export type Window = { what: string; from: number; to?: number };

/** What the run saw, in memory: every step, every exchange, the restart windows, and problems as they happened. */
export class Journal {
  readonly began = performance.now();
  /** When the run began by the wall clock (Date.now()), for times other processes stamp, such as a mail's. */
  readonly startedAt = Date.now();
  readonly steps: StepRecord[] = [];
  readonly exchanges: Exchange[] = [];
  readonly windows: Window[] = [];
  /** When the mail server refused mail and the content repository was down (a restart's scene). */
  readonly outages: Window[] = [];
  /** Problems noticed on the way (a browser's uncaught error), each naming the actor and step. */
  readonly problems: string[] = [];

  now(): number {
    return Math.round(performance.now() - this.began);
  }

  /** Whether [from, to] overlaps a window in which the site was restarting. */
  restartingDuring(from: number, to: number): boolean {
    return this.windows.some((window) => window.from <= to && (window.to === undefined || window.to >= from));
  }

  /** Opens a restart window until the function it is given resolves. */
  async window<T>(what: string, during: () => Promise<T>): Promise<T> {
    const window: Window = { what, from: this.now() };
    this.windows.push(window);
    try {
      return await during();
    } finally {
      window.to = this.now();
    }
  }
}

/** A step's failure: the message says what was expected and what happened; the journal adds actor and step. */
export class StepFailure extends Error {}

/** Fails the step unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StepFailure(message);
}

/** Only what the cast sends: a form, a text body, or none. */
function bodyOf(init: RequestInit): { body?: string; type?: string } {
  if (init.body === undefined || init.body === null) return {};
  if (typeof init.body === 'string') return { body: init.body };
  if (init.body instanceof URLSearchParams) {
    return { body: init.body.toString(), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  throw new Error('the life suite sends strings and forms only');
}

/**
 * One request on a connection of its own (as e2e/lifecycle.spec.ts sends them), never following a redirect: a
 * keep-alive connection the server closes as a request goes out would look like a cut-off answer, which is what
 * the run must be able to blame on the site.
 */
function sendOnce(url: string, init: RequestInit): Promise<Response> {
  const { body, type } = bodyOf(init);
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  if (type && !headers['content-type']) headers['content-type'] = type;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: init.method ?? 'GET', headers, agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', reject);
      answer.on('end', () => {
        const received = new Headers();
        for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
          received.append(answer.rawHeaders[i] ?? '', answer.rawHeaders[i + 1] ?? '');
        }
        const status = answer.statusCode ?? 0;
        const content = [204, 205, 304].includes(status) ? null : Buffer.concat(chunks);
        resolve(new Response(content, { status, headers: received }));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

const errorCode = (error: unknown) =>
  (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/**
 * An actor's HTTP client, with fetch's shape: records every exchange in the journal, and behaves as a patient
 * client does while the site restarts. A 503 with Retry-After, or a refused connection, while a restart window is
 * open is tried again (after Retry-After, or 250 ms); the site answers 503 to a request it has not taken and a
 * refused connection took nothing, so even a POST is safe to send again. The same outside a restart is an answer
 * like any other, for the step and the invariants to judge; any other network error fails the step.
 */
export function recordingFetch(journal: Journal, actor: string, step: string): Fetcher {
  return async (url, init) => {
    const path = new URL(url).pathname + new URL(url).search;
    const deadline = journal.now() + 120_000;
    for (;;) {
      const started = journal.now();
      const exchange: Exchange = {
        actor,
        step,
        method: init.method ?? 'GET',
        path,
        started,
        ended: started,
        by: 'http',
      };
      journal.exchanges.push(exchange);
      try {
        const headers = new Headers(init.headers);
        headers.set(actorHeader, actor);
        const answer = await sendOnce(url, { ...init, headers });
        exchange.ended = journal.now();
        exchange.status = answer.status;
        exchange.type = answer.headers.get('content-type') ?? undefined;
        const retryAfter = Number(answer.headers.get('retry-after'));
        const restarting = journal.restartingDuring(started, exchange.ended);
        if (answer.status === 503 && restarting && retryAfter > 0 && journal.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, retryAfter * 1_000));
          continue;
        }
        return answer;
      } catch (error) {
        exchange.ended = journal.now();
        exchange.error = errorCode(error);
        const restarting = journal.restartingDuring(started, exchange.ended);
        if (exchange.error === 'ECONNREFUSED' && restarting && journal.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          continue;
        }
        throw new StepFailure(`${exchange.method} ${path}: ${exchange.error}`);
      }
    }
  };
}
