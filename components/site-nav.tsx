'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ComponentProps } from 'react';
import { NavList, type NavItem } from './nav-list';

export type { NavItem };

/**
 * No prefetching: on the admin pages, the only ones that run this, every view would fetch each public page's payload
 * for a member who is triaging, not browsing; a click still navigates in place.
 */
function NavLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link prefetch={false} {...props} />;
}

/**
 * A client component only to mark the current page for assistive technology: a layout cannot know the path, and
 * usePathname can. Prerendered pages send its server-rendered HTML alone (scripts/strip-runtime.ts); the admin
 * pages ship it, so it is given its links rather than importing the site config into the browser's bundle.
 */
export function SiteNav({ items }: { items: readonly NavItem[] }) {
  return <NavList items={items} current={usePathname()} Link={NavLink} />;
}
