'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { site } from '@/lib/site';

/** A client component only to mark the current page for assistive technology. */
export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {site.nav.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              prefetch={'prefetch' in item ? item.prefetch : undefined}
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
