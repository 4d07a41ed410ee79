'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type NavItem = { href: string; label: string; prefetch?: boolean };

/**
 * A client component only to mark the current page for assistive technology. It is given its links rather than
 * importing the site config, which would otherwise be bundled for the browser.
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
              prefetch={item.prefetch}
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
