'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type NavItem = { href: string; label: string };

/**
 * A client component only to mark the current page for assistive technology: a layout cannot know the path, and
 * usePathname can. Prerendered pages send its server-rendered HTML alone (scripts/strip-runtime.ts); the admin
 * pages ship it, so it is given its links rather than importing the site config into the browser's bundle.
 * No prefetching: on the admin pages, the only ones that run it, every view would fetch each public page's payload
 * for a member who is triaging, not browsing; a click still navigates in place.
 */
export function SiteNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              prefetch={false}
              aria-current={pathname === item.href ? 'page' : undefined}
              className="font-medium text-ink no-underline hover:underline aria-[current=page]:text-brand-dark aria-[current=page]:underline"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
