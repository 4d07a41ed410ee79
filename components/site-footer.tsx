import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line bg-white">
      <div className="mx-auto grid max-w-5xl gap-4 px-4 py-8 text-sm text-muted sm:grid-cols-2">
        <p>
          {site.name} ({site.shortName}): a network of UK tech worker co-operatives.
        </p>
        <ul className="flex flex-wrap gap-x-5 gap-y-1 sm:justify-end">
          <li>
            <a href={`mailto:${site.email}`}>{site.email}</a>
          </li>
          <li>
            <a href={site.forum}>Forum</a>
          </li>
          <li>
            <a href={site.wiki}>Wiki</a>
          </li>
          <li>
            <a href={site.loomio}>Loomio</a>
          </li>
          {/* eslint-disable @next/next/no-html-link-for-pages -- the footer is also rendered to a string for the no-JS
              pages route handlers answer with (components/route-page.tsx), where next/link cannot render. */}
          <li>
            <a href="/privacy">Privacy</a>
          </li>
          <li>
            {/* The people of member co-ops and the network's members, who otherwise had to know the address. */}
            Members and co-ops: <a href="/sign-in">Sign in</a>
          </li>
          {/* eslint-enable @next/next/no-html-link-for-pages */}
        </ul>
      </div>
    </footer>
  );
}
