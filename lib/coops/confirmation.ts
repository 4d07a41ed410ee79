// How old a co-op's confirmation of its entry is, and what follows from that. Plain date arithmetic on the
// `confirmed` front matter (lib/content/schema.ts), so the build, the worker and the admin page agree.

/** Its people are asked to review an entry once its confirmation is this many months old. */
export const reviewAfterMonths = 12;
/** The public page says when an entry was last confirmed once it is this many months old. */
export const showAgeAfterMonths = 24;

/** `date` moved by whole calendar months (UTC), as a person counts "12 months ago". */
export function addMonths(date: Date, months: number): Date {
  const moved = new Date(date);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
}

/**
 * When the entry was last confirmed, or undefined for an entry without `confirmed:`. Every entry in the directory
 * was given the date its file last changed in Git, so a missing date means a new entry an editor added by hand:
 * it has not been confirmed by its co-op, and is due for review (see `reviewDue`).
 */
export function confirmedAt(coop: { confirmed?: string }): Date | undefined {
  return coop.confirmed ? new Date(coop.confirmed) : undefined;
}

/** True when the entry's confirmation is older than `months` at `now`; an unconfirmed entry always is. */
export function olderThan(coop: { confirmed?: string }, months: number, now: Date): boolean {
  const at = confirmedAt(coop);
  return !at || addMonths(at, months) < now;
}

/** True when the co-op's people should be asked to review their entry. */
export const reviewDue = (coop: { confirmed?: string }, now: Date) => olderThan(coop, reviewAfterMonths, now);

/**
 * The date to show as "Last confirmed" on the public page, or undefined while the entry is recent enough not to
 * say. Pages are prerendered, so `now` is the build's time: the site is rebuilt at every content change and
 * deploy, so a page can be late by the time between deploys, never wrong about the date it shows.
 */
export function lastConfirmedToShow(coop: { confirmed?: string }, now: Date): Date | undefined {
  const at = confirmedAt(coop);
  return at && olderThan(coop, showAgeAfterMonths, now) ? at : undefined;
}

/** Whole months from the confirmation to `now` (for the admin list), or undefined when never confirmed. */
export function ageInMonths(coop: { confirmed?: string }, now: Date): number | undefined {
  const at = confirmedAt(coop);
  if (!at) return undefined;
  let months = (now.getUTCFullYear() - at.getUTCFullYear()) * 12 + now.getUTCMonth() - at.getUTCMonth();
  if (addMonths(at, months) > now) months -= 1;
  return months;
}
