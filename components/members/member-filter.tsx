'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense, useId, useSyncExternalStore, type ReactNode } from 'react';
import { filterSearch, matchesFilter, parseFilter, type FilterEntry, type MemberFilter } from '@/lib/member-filter';

export type FilterOption = { slug: string; name: string; url: string; count: number };

// The query string is the filter's only state, so a filtered view can be shared and survives a reload.
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function setFilter(filter: MemberFilter) {
  window.history.replaceState(null, '', `${window.location.pathname}${filterSearch(filter)}`);
  listeners.forEach((listener) => listener());
}

type Props = {
  entries: readonly FilterEntry[];
  cards: Readonly<Record<string, ReactNode>>;
  services: readonly FilterOption[];
  technologies: readonly FilterOption[];
  towns: readonly FilterOption[];
  fallback: ReactNode;
};

/**
 * The directory's list of member co-ops with, in the browser, a text search and filters by service, technology
 * and town that apply in place. The page is static, so the query string can only be read in the browser: the
 * prerendered HTML is the Suspense fallback, every co-op with `fallback` (links to the static service, technology
 * and town pages) in place of the controls, which is what a visitor without JavaScript gets. The cards are
 * rendered on the server and passed in, so only the filtering ships to the browser.
 */
export function MemberFilterList(props: Props) {
  return (
    <Suspense fallback={<Directory {...props} filter={null} />}>
      <FilteredDirectory {...props} />
    </Suspense>
  );
}

function FilteredDirectory(props: Props) {
  // The query is read synchronously from the location, so typing in the search box is never overtaken by a
  // router transition. useSearchParams is here only to re-render when Next.js navigates to another query (the
  // Members link from a filtered view), which fires no event to subscribe to.
  useSearchParams();
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => '',
  );
  return <Directory {...props} filter={parseFilter(search)} />;
}

function Directory({
  entries,
  cards,
  services,
  technologies,
  towns,
  fallback,
  filter,
}: Props & { filter: MemberFilter | null }) {
  const visible = filter ? entries.filter((entry) => matchesFilter(entry, filter)) : entries;
  const id = useId();
  const filtered = filter !== null && Object.keys(filter).length > 0;
  const update = (key: keyof MemberFilter, value: string) => setFilter({ ...filter, [key]: value || undefined });

  const select = (key: 'service' | 'technology' | 'town', label: string, options: readonly FilterOption[]) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-${key}`} className="font-semibold">
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        value={filter?.[key] ?? ''}
        onChange={(event) => update(key, event.target.value)}
        className="rounded border border-muted bg-white px-2 py-2"
      >
        <option value="">Any {label.toLowerCase()}</option>
        {options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name} ({option.count})
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="space-y-6">
      {filter === null ? (
        fallback
      ) : (
        <form role="search" aria-label="Filter member co-ops" onSubmit={(event) => event.preventDefault()}>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-q`} className="font-semibold">
                Search
              </label>
              <input
                id={`${id}-q`}
                type="search"
                value={filter?.q ?? ''}
                onChange={(event) => update('q', event.target.value)}
                placeholder="Name, skill or place"
                className="rounded border border-muted bg-white px-2 py-2"
              />
            </div>
            {select('service', 'Service', services)}
            {select('technology', 'Technology', technologies)}
            {select('town', 'Town', towns)}
          </div>
          {filtered && (
            <button
              type="button"
              onClick={() => setFilter({})}
              className="mt-4 rounded border border-brand-dark px-4 py-1.5 font-semibold text-brand-dark"
            >
              Clear filters
            </button>
          )}
        </form>
      )}
      <p aria-live="polite" className="font-semibold">
        {filtered ? `${visible.length} of ${entries.length} member co-ops match` : `${entries.length} member co-ops`}
      </p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {visible.map((entry) => (
          <li key={entry.slug}>{cards[entry.slug]}</li>
        ))}
      </ul>
    </div>
  );
}
