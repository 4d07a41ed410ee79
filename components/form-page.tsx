import { FormErrorPage } from './form-error-page';
import type { FormState } from '@/lib/enquiry-kinds/form';
import type { KindDescription } from '@/lib/enquiry-kinds/kind';
import { KindForm } from './kind-form';

/**
 * The answer to a form post that failed, for visitors without JavaScript: the kind's form, rendered by the same
 * component as on its page, with each message beside its field and everything they typed kept.
 *
 * Next.js refuses a static import of react-dom/server in the layer route handlers are built in (React Server
 * Components). Imported on demand, the bundler gives this module Next.js's own server renderer instead, which
 * renders the form as it renders pages. The component and everything it renders use no hooks or context, so it
 * does not matter that they were compiled for the server layer. Should a Next.js upgrade refuse this import too,
 * the build or the no-JavaScript tests of e2e/join.spec.ts and e2e/hire.spec.ts fail; there is no second rendering to fall back to.
 */
export async function formPage(kind: KindDescription, state: FormState): Promise<Response> {
  const { problem } = state;
  const { renderToStaticMarkup } = await import('react-dom/server');
  const page = (
    <FormErrorPage title={problem.title}>
      <KindForm kind={kind} state={state} />
    </FormErrorPage>
  );
  const html = `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
  return new Response(html, {
    status: problem.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      ...(problem.retryAfterSeconds !== undefined && { 'retry-after': String(problem.retryAfterSeconds) }),
    },
  });
}
