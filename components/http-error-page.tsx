// The HTTP error answers to a form post, for visitors without JavaScript: with the problem's status (invalid,
// too many, the database unavailable), a whole HTML document in the site's frame and stylesheet, rendered by the
// route handler, holding the form again.
import type { ReactNode } from 'react';
import type { FormState } from '@/lib/enquiry-kinds/form';
import type { KindDescription } from '@/lib/enquiry-kinds/kind';
import { site } from '@/lib/site';
import { KindForm } from './kind-form';
import { bodyClassName, SiteFrame } from './site-frame';

/**
 * The answer to a form post that failed, for visitors without JavaScript: the kind's form, rendered by the same
 * component as on its page, with each message beside its field and everything they typed kept.
 *
 * Next.js refuses a static import of react-dom/server in the layer route handlers are built in (React Server
 * Components). Imported on demand, the bundler gives this module Next.js's own server renderer instead, which
 * renders the form as it renders pages. The component and everything it renders use no hooks or context, so it
 * does not matter that they were compiled for the server layer. Should a Next.js upgrade refuse this import too,
 * the build or the no-JavaScript tests of e2e/join.spec.ts and e2e/hire.spec.ts fail; there is no second rendering
 * to fall back to.
 */
/** What a page rendered outside the app takes from the build to look like its pages. */
export type PageFrame = {
  /** The addresses of the app's stylesheet. */
  stylesheets: readonly string[];
  /** The class of the layout's <html>: the font's variable. */
  htmlClassName: string;
};

export async function formPage(kind: KindDescription, state: FormState, frame: PageFrame): Promise<Response> {
  const { problem } = state;
  const { renderToStaticMarkup } = await import('react-dom/server');
  const page = (
    <HttpErrorPage title={problem.title} frame={frame}>
      <KindForm kind={kind} state={state} />
    </HttpErrorPage>
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

/* eslint-disable @next/next/no-head-element -- a whole document rendered to a string for a route handler's answer:
   next/head does not render there. */
/**
 * The whole page that answers a failed form post: its title, and the enquiry form (`children`, rendered with the
 * problem and the values sent) in the site's own frame, as its page lays them out. A route handler's answer is not
 * a page of the app, so Next.js neither links the app's stylesheet nor gives it the font's class: both come from the
 * build (`frame`, read by the route through server/next-build.ts), and the frame is the layout's own markup without
 * its client component (SiteFrame's `plain`), so the same styles apply.
 */
function HttpErrorPage({ title, frame, children }: { title: string; frame: PageFrame; children: ReactNode }) {
  return (
    <html lang={site.language} className={frame.htmlClassName || undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – ${site.shortName}`}</title>
        {frame.stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body className={bodyClassName}>
        <SiteFrame plain>
          <article className="mx-auto max-w-prose">
            <h1 className="mb-6 text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
            {children}
          </article>
        </SiteFrame>
      </body>
    </html>
  );
}
/* eslint-enable @next/next/no-head-element */
