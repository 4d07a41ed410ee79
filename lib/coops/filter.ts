import { memberCoops } from './directory';

/**
 * The directory's filter, shared by the page that renders it, the browser script that applies it and the tests. The page is static, so
 * the filter lives in the query string (`?service=hosting&town=london&q=drupal`) and is read in the browser.
 */
export type MemberFilter = { service?: string; technology?: string; town?: string; q?: string };

export const filterKeys = ['service', 'technology', 'town', 'q'] as const satisfies readonly (keyof MemberFilter)[];

/** The filters by a term a co-op is filed under, with their names: a select each, and a list of links without JavaScript. */
export const termFilters = [
  { key: 'service', label: 'Service' },
  { key: 'technology', label: 'Technology' },
  { key: 'town', label: 'Town' },
] as const satisfies readonly { key: keyof MemberFilter; label: string }[];
export type TermFilterKey = (typeof termFilters)[number]['key'];

/** A choice in a term filter: a service, technology or town, and how many member co-ops it has. */
export type FilterOption = { slug: string; name: string; url: string; count: number };

/** The accessible name of the filter, as a search form or as links. */
export const filterName = 'Filter member co-ops';

/** What the directory says it lists: every member co-op, or how many of them match the filter. */
export function filterCount(total: number, matching?: number): string {
  return matching === undefined ? memberCoops(total) : `${matching} of ${memberCoops(total)} match`;
}

/** What the browser needs to know about one member co-op to filter it. */
export type FilterEntry = {
  slug: string;
  services: string[];
  technologies: string[];
  town?: string;
  /** Lower-case words the text search matches: name, town, service and technology names. */
  text: string;
};

// The search text keeps its spaces, or typing a second word would lose the space before it.
function clean(key: keyof MemberFilter, value: string | null | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  return key === 'q' ? value : value.trim();
}

export function parseFilter(search: string): MemberFilter {
  const params = new URLSearchParams(search);
  const filter: MemberFilter = {};
  for (const key of filterKeys) {
    const value = clean(key, params.get(key));
    if (value) filter[key] = value;
  }
  return filter;
}

/** The query string for a filter, `''` when nothing is filtered, keys in a fixed order so URLs are stable. */
export function filterSearch(filter: MemberFilter): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = clean(key, filter[key]);
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** What the filter matches a co-op on (in the browser, read back from its card). */
export type MatchedEntry = Omit<FilterEntry, 'slug'>;

/** Every filter set must match; the text search matches when every word in it appears somewhere. */
export function matchesFilter(entry: MatchedEntry, filter: MemberFilter): boolean {
  if (filter.service && !entry.services.includes(filter.service)) return false;
  if (filter.technology && !entry.technologies.includes(filter.technology)) return false;
  if (filter.town && entry.town !== filter.town) return false;
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => entry.text.includes(word));
}
