import { JoinErrorPage } from '@/components/join-error-page';
import type { Problem } from './problem';

/**
 * The answer to a form post that failed, for visitors without JavaScript: the join form, rendered by the same
 * component as on /join, with each message beside its field and everything they typed kept.
 *
 * Next.js refuses a static import of react-dom/server in the layer route handlers are built in (React Server
 * Components). Imported on demand, the bundler gives this module Next.js's own server renderer instead, which
 * renders the form as it renders pages. The component and everything it renders use no hooks or context, so it
 * does not matter that they were compiled for the server layer. Should a Next.js upgrade refuse this import too,
 * the build or the no-JavaScript tests of e2e/join.spec.ts fail; there is no second rendering to fall back to.
 */
export async function formPage({ problem, values }: { problem: Problem; values: Record<string, unknown> }) {
  const { renderToStaticMarkup } = await import('react-dom/server');
  const html = `<!DOCTYPE html>${renderToStaticMarkup(<JoinErrorPage problem={problem} values={values} />)}`;
  return new Response(html, {
    status: problem.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      ...(problem.retryAfterSeconds !== undefined && { 'retry-after': String(problem.retryAfterSeconds) }),
    },
  });
}
