import * as z from 'zod/mini';
import { contentFileOf, type ContentProblem, type ContentSource } from './problem';

/** The fields of a co-op the email check reads; Contentlayer's generated `Coop` satisfies it. */
type CoopEmail = ContentSource & { email?: string; showEmail?: boolean };

const address = z.email();

/**
 * What is wrong with a co-op's contact address: briefs are forwarded to it, so a typo would lose them silently; and
 * `showEmail` without an address would promise an address the page cannot show.
 */
export function coopEmailProblems(coop: CoopEmail): ContentProblem[] {
  const file = contentFileOf(coop);
  if (coop.email === undefined) {
    return coop.showEmail ? [{ file, field: 'showEmail', message: 'showEmail is true, but there is no email' }] : [];
  }
  return address.safeParse(coop.email).success
    ? []
    : [{ file, field: 'email', message: `email "${coop.email}" is not an email address` }];
}
