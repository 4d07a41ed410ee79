import type { ReactElement } from 'react';
import { FormErrorPage } from './form-error-page';
import { joinKind } from '@/lib/enquiry-kinds';
import type { FormState } from '@/lib/enquiry-kinds/form';
import { formOf } from '@/lib/enquiry-kinds/kind';
import { BriefForm } from './brief-form';
import { EnquiryForm } from './enquiry-form';

/**
 * The answer to a form post that failed, for visitors without JavaScript: the enquiry form, rendered by the same
 * component as on its page (`render`, given by the kind of enquiry), with each message beside its field and
 * everything they typed kept.
 *
 * Next.js refuses a static import of react-dom/server in the layer route handlers are built in (React Server
 * Components). Imported on demand, the bundler gives this module Next.js's own server renderer instead, which
 * renders the form as it renders pages. The component and everything it renders use no hooks or context, so it
 * does not matter that they were compiled for the server layer. Should a Next.js upgrade refuse this import too,
 * the build or the no-JavaScript tests of e2e/join.spec.ts and e2e/hire.spec.ts fail; there is no second rendering to fall back to.
 */
async function formPage(state: FormState, render: (state: FormState) => ReactElement) {
  const { problem } = state;
  const { renderToStaticMarkup } = await import('react-dom/server');
  const page = <FormErrorPage title={problem.title}>{render(state)}</FormErrorPage>;
  const html = `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
  return new Response(html, {
    status: problem.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      ...(problem.retryAfterSeconds !== undefined && { 'retry-after': String(problem.retryAfterSeconds) }),
    },
  });
}

/** The join form's answer to a failed post (app/api/join/route.ts). */
export const joinFormPage = (state: FormState) =>
  formPage(state, (failed) => <EnquiryForm form={formOf(joinKind)} state={failed} />);

/** The brief form's, with the directory's services (app/api/briefs/route.ts). */
export const briefFormPage = (state: FormState) => formPage(state, (failed) => <BriefForm state={failed} />);
