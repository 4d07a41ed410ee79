const humanDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2020-04-13T08:13:57.004Z` → `13 April 2020`, the same on every server whatever its time zone. */
export function formatDate(iso: string): string {
  return humanDate.format(new Date(iso));
}

/** `https://www.outlandish.com/project/nook-crm/` → `outlandish.com/project/nook-crm`: a link as visitors read it. */
export function displayUrl(url: string): string {
  const { hostname, pathname, search } = new URL(url);
  return `${hostname.replace(/^www\./, '')}${pathname.replace(/\/$/, '')}${search}`;
}

const dateAndTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** When something happened (an enquiry received, a proposal sent, an account disabled), in the network's time zone. */
export function formatReceived(date: Date): string {
  return dateAndTime.format(date);
}

/**
 * A message as one line of the log, its line breaks (and the blanks around them) made one space: git, for one,
 * answers in several lines, and a log is read line by line, where a second line would stand without its context.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
