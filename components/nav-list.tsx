import type { ComponentType, ReactNode } from 'react';

export type NavItem = { href: string; label: string };

/** What draws one link of the list: next/link in the app, a plain anchor in a page rendered to a string. */
export type NavLink = ComponentType<{
  href: string;
  className: string;
  'aria-current'?: 'page';
  children: ReactNode;
}>;

/** The main navigation's links, the current page marked for assistive technology and in its look. */
export function NavList({
  items,
  current,
  Link,
}: {
  items: readonly NavItem[];
  current?: string;
  /** A plain anchor (`'a'`) in a page rendered to a string. */
  Link: NavLink | 'a';
}) {
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current === item.href ? 'page' : undefined}
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
