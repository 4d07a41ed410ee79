import Link from 'next/link';
import type { ReactNode } from 'react';
import { site } from '@/lib/site';
import { NavList } from './nav-list';
import { SiteLogo } from './site-logo';
import { SiteNav } from './site-nav';

/* eslint-disable @next/next/no-html-link-for-pages -- `plain` is for a document rendered to a string, where next/link
   cannot render. */
/**
 * The logo, linking home, and the main navigation. `plain` draws them with plain anchors and no client component,
 * for the answers rendered to a string (components/http-error-page.tsx): the same markup, so the same stylesheet
 * lays it out.
 */
export function SiteHeader({ plain = false }: { plain?: boolean }) {
  const homeClass = 'flex items-center text-ink no-underline';
  const home: ReactNode = (
    <>
      <SiteLogo />
      <span className="sr-only">
        {site.shortName} – {site.name}
      </span>
    </>
  );
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        {plain ? (
          <a href="/" className={homeClass}>
            {home}
          </a>
        ) : (
          <Link href="/" prefetch={false} className={homeClass}>
            {home}
          </Link>
        )}
        {plain ? <NavList items={site.nav} Link="a" /> : <SiteNav items={site.nav} />}
      </div>
    </header>
  );
}
/* eslint-enable @next/next/no-html-link-for-pages */
