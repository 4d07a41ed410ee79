/* eslint-disable @next/next/no-head-element, @next/next/no-html-link-for-pages -- a whole document rendered to a
   string for a route handler's answer: neither next/head nor next/link (a client component) render there. */
import { site } from '@/lib/site';
import { colors, proseWidth } from '@/lib/theme';
import { SiteFooter } from './site-footer';
import { SkipLink } from './skip-link';

/**
 * The whole page that answers a failed form post (lib/enquiries/form-page.tsx): its title, and the enquiry form
 * (`children`, rendered with the problem and the values sent) in a plain version of the site's frame. A route handler's answer is not a page of the app, so it has neither
 * the app's stylesheet nor its navigation (a client component); the few styles below, from the theme, lay out
 * the form's markup by its elements and attributes.
 */
export function FormErrorPage({ title, children }: { title: string; children: React.ReactNode }) {
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
[data-honeypot]{position:absolute;left:-9999px}`;
