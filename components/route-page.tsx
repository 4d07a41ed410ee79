// Whole HTML documents that route handlers answer with, for visitors without JavaScript: the page a failed form post
// shows (./http-error-page.tsx) and an enquiry's thanks with its reference (./thanks-page.tsx). Pages of the app
// keep the React runtime when they render per request; these are rendered to a string and carry no script at all.
import type { ReactNode } from 'react';
import { site } from '@/lib/site';
import { colors, proseWidth } from '@/lib/theme';
import { SiteFooter } from './site-footer';
import { SkipLink } from './skip-link';

/**
 * `body` under the heading `title`, as a whole document in the site's plain frame, answered with `init`'s status
 * and headers.
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
  init: { status?: number; headers?: Readonly<Record<string, string>> } = {},
): Promise<Response> {
  const { renderToStaticMarkup } = await import('react-dom/server');
  const html = `<!DOCTYPE html>${renderToStaticMarkup(<RoutePageFrame title={title}>{body}</RoutePageFrame>)}`;
  return new Response(html, {
    status: init.status ?? 200,
    headers: { 'content-type': 'text/html; charset=utf-8', ...init.headers },
  });
}

/* eslint-disable @next/next/no-head-element, @next/next/no-html-link-for-pages -- a whole document rendered to a
   string for a route handler's answer: neither next/head nor next/link (a client component) render there. */
/**
 * A page in a plain version of the site's frame. A route handler's answer is not a page of the app, so it has
 * neither the app's stylesheet nor its navigation (a client component); the few styles below, from the theme, lay
 * out the pages' markup by its elements and attributes. Not indexed: what it shows is one visitor's.
 */
function RoutePageFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang={site.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – ${site.shortName}`}</title>
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        <SkipLink />
        <header>
          <a href="/">{site.shortName}</a>
          <nav aria-label="Main">
            <ul>
              {site.nav.map(({ href, label }) => (
                <li key={href}>
                  <a href={href}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
/* eslint-enable @next/next/no-head-element, @next/next/no-html-link-for-pages */

const { paper, ink, muted, brand, line, white } = colors;
const styles = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:${ink};background:${paper}}
header,footer>div{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;padding:1rem}
header{border-bottom:1px solid ${line}}footer{border-top:1px solid ${line};margin-top:3rem;background:${white}}
nav ul,footer ul{display:flex;flex-wrap:wrap;gap:1.25rem;list-style:none;margin:0;padding:0}
a{color:${brand.dark}}header>a{font-weight:700;font-size:1.25rem;color:${ink};text-decoration:none}
main{max-width:${proseWidth};margin:0 auto;padding:2rem 1rem}
a[href="#main"]{position:absolute;left:-999px}a[href="#main"]:focus{left:1rem;top:1rem;background:${ink};color:${white};padding:.5rem 1rem}
section{margin-top:2rem}[role=alert]{border-left:4px solid ${brand.DEFAULT};padding:.5rem 1rem;background:${brand.light}}
form>div{margin:1.25rem 0}label,legend{display:block;font-weight:600}
input:not([type=checkbox]),select,textarea{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid ${muted};border-radius:4px;font:inherit}
[aria-invalid=true]{border:2px solid ${brand.DEFAULT}}[id$=-hint]{margin:0;color:${muted}}[id$=-error]{margin:.25rem 0;color:${brand.dark};font-weight:600}
fieldset{border:1px solid ${line};margin:1.5rem 0;padding:1rem}fieldset>div{margin:.5rem 0}
fieldset label{display:inline;font-weight:400;margin-left:.5rem}fieldset fieldset{margin:0}
button{background:${brand.dark};color:${white};border:0;border-radius:4px;padding:.75rem 1.5rem;font:inherit;font-weight:600}
[data-honeypot]{position:absolute;left:-9999px}
[data-cards]{list-style:none;padding:0}[data-cards]>li{border:1px solid ${line};border-radius:4px;background:${white};padding:.75rem 1rem;margin:.75rem 0}
[data-cards] p{margin:0;font-weight:600}[data-lines]{margin:.25rem 0 0;padding-left:1.25rem}`;
