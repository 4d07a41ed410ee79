import type { ReactNode } from 'react';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { SkipLink } from './skip-link';

/** The classes of every page's <body>. */
export const bodyClassName = 'flex min-h-screen flex-col font-sans';

/**
 * What every page's <body> holds around its content: the skip link, the header, the main landmark and the footer.
 * One component for the app's layout and for the answers rendered to a string (`plain`: see SiteHeader).
 */
export function SiteFrame({ plain = false, children }: { plain?: boolean; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader plain={plain} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
