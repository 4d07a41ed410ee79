import type { ReactNode } from 'react';
import { BrowserScript } from '@/components/browser-script';
import {
  filterCount,
  filterName,
  termFilters,
  type FilterEntry,
  type FilterOption,
  type TermFilterKey,
} from '@/lib/coops/filter';
import { BrowseLinks } from './browse-links';

type Props = {
  entries: readonly FilterEntry[];
  cards: Readonly<Record<string, ReactNode>>;
  options: Readonly<Record<TermFilterKey, readonly FilterOption[]>>;
  /** What follows the list and follows the filter too: the map, whose dots are hidden with their co-ops' cards. */
  children?: ReactNode;
};

const controlClass = 'rounded border border-muted bg-white px-2 py-2';

/**
 * The directory's list of member co-ops. As sent, it is every co-op with links to the static service, technology
 * and town pages, which is what a visitor without JavaScript keeps. In the browser, the `<member-filter>` element
 * (member-filter.browser.ts) swaps the links for a text search and filters that apply in place and live in the
 * query string. Each card carries what the filter matches on, so nothing else is sent. In development React
 * hydrates this too, possibly after the element has filtered it: the parts the element changes say so.
 */
export function MemberFilterList({ entries, cards, options, children }: Props) {
  return (
    <member-filter className="group block space-y-6" suppressHydrationWarning>
      <div data-filter-fallback suppressHydrationWarning>
        <BrowseLinks groups={termFilters.map(({ key, label }) => ({ label, options: options[key] }))} />
      </div>
      <form role="search" aria-label={filterName} hidden suppressHydrationWarning>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-q" className="font-semibold">
              Search
            </label>
            <input id="filter-q" name="q" type="search" placeholder="Name, skill or place" className={controlClass} />
          </div>
          {termFilters.map(({ key, label }) => (
            <div key={key} className="flex flex-col gap-1">
              <label htmlFor={`filter-${key}`} className="font-semibold">
                {label}
              </label>
              <select id={`filter-${key}`} name={key} className={controlClass}>
                <option value="">Any {label.toLowerCase()}</option>
                {options[key].map((option) => (
                  <option key={option.slug} value={option.slug}>
                    {option.name} ({option.count})
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <button
          type="button"
          hidden
          suppressHydrationWarning
          className="mt-4 rounded border border-brand-dark px-4 py-1.5 font-semibold text-brand-dark"
        >
          Clear filters
        </button>
      </form>
      {/* The count heads the list: the cards' h3 headings need an h2 above them, and it is what the list shows. */}
      <h2 aria-live="polite" className="font-semibold" data-filter-count suppressHydrationWarning>
        {filterCount(entries.length)}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {entries.map((entry) => (
          <li
            key={entry.slug}
            data-slug={entry.slug}
            data-services={entry.services.join(' ')}
            data-technologies={entry.technologies.join(' ')}
            data-town={entry.town}
            data-text={entry.text}
            suppressHydrationWarning
          >
            {cards[entry.slug]}
          </li>
        ))}
      </ul>
      {children}
      <BrowserScript name="member-filter" />
    </member-filter>
  );
}
