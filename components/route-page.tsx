// Whole HTML documents that route handlers answer with, for visitors without JavaScript: the page a failed form post
// shows (./http-error-page.tsx), an enquiry's thanks with its reference (./thanks-page.tsx) and their 404
// (./not-found.tsx). Pages of the app keep the React runtime when they render per request; these are rendered to a
// string, in the site's frame and stylesheet, and carry no script at all.
import type { ReactNode } from 'react';
import { site } from '@/lib/site';
import { bodyClassName, SiteFrame } from './site-frame';

/** What a page rendered outside the app takes from the build to look like its pages (server/page-frame.ts). */
export type PageFrame = {
  /** The addresses of the app's stylesheet. */
  stylesheets: readonly string[];
  /** The class of the layout's <html>: the font's variable. */
  htmlClassName: string;
};

/**
 * `body` under the heading `title`, as a whole document in the site's frame, answered with `init`'s status and
 * headers.
 *
 * Next.js refuses a static import of react-dom/server in the layer route handlers are built in (React Server
 * Components). Imported on demand, the bundler gives this module Next.js's own server renderer instead, which
 * renders the page as it renders pages. The components rendered here use no hooks or context, so it does not matter
 * that they were compiled for the server layer. Should a Next.js upgrade refuse this import too, the build or the
 * no-JavaScript tests of e2e/join.spec.ts and e2e/hire.spec.ts fail; there is no second rendering to fall back to.
 */
export async function routePage(
  title: string,
  body: ReactNode,
  frame: PageFrame,
  init: { status?: number; headers?: Readonly<Record<string, string>> } = {},
): Promise<Response> {
  const { renderToStaticMarkup } = await import('react-dom/server');
  const page = (
    <RoutePageFrame title={title} frame={frame}>
      {body}
    </RoutePageFrame>
  );
  return new Response(`<!DOCTYPE html>${renderToStaticMarkup(page)}`, {
    status: init.status ?? 200,
    headers: { 'content-type': 'text/html; charset=utf-8', ...init.headers },
  });
}

/* eslint-disable @next/next/no-head-element -- a whole document rendered to a string for a route handler's answer:
   next/head does not render there. */
/**
 * The whole page: its title and `children` in the site's own frame, as a page lays them out. A route handler's
 * answer is not a page of the app, so Next.js neither links the app's stylesheet nor gives it the font's class: both
 * come from the build (`frame`, read by the route through server/page-frame.ts), and the frame is the layout's own
 * markup without its client component (SiteFrame's `plain`), so the same styles apply. Not indexed: what it shows
 * is one visitor's.
 */
function RoutePageFrame({ title, frame, children }: { title: string; frame: PageFrame; children: ReactNode }) {
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
          <article className="mx-auto max-w-prose space-y-4">
            <h1 className="mb-6 text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
            {children}
          </article>
        </SiteFrame>
      </body>
    </html>
  );
}
/* eslint-enable @next/next/no-head-element */
