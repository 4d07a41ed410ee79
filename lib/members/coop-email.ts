import * as z from 'zod/mini';

/** The fields of a co-op the email check reads; Contentlayer's generated `Coop` satisfies it. */
type CoopEmail = { _raw: { sourceFilePath: string }; email?: string; showEmail?: boolean };

const address = z.email();

/**
 * What is wrong with a co-op's contact address, naming its file: briefs are forwarded to it, so a typo would lose
 * them silently; and `showEmail` without an address would promise an address the page cannot show.
 */
export function coopEmailProblems(coop: CoopEmail): string[] {
  const file = `content/${coop._raw.sourceFilePath}`;
  if (coop.email === undefined) return coop.showEmail ? [`${file}: showEmail is true, but there is no email`] : [];
  return address.safeParse(coop.email).success ? [] : [`${file}: email "${coop.email}" is not an email address`];
}
