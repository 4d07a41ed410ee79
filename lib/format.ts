const humanDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2020-04-13T08:13:57.004Z` → `13 April 2020`, the same on every server whatever its time zone. */
export function formatDate(iso: string): string {
  return humanDate.format(new Date(iso));
}
