// A person's words in a merge request, as plain text. GitLab renders a merge request's description as Markdown
// (with HTML) and then links references in the text it produced: `@all` notifies everyone, `#12` and `!3` link
// issues and merge requests, a bare address becomes a link. What someone typed in the account form must show as
// they typed it and do none of that.

/** U+2060 WORD JOINER: invisible, and it splits `@all` so no reference pattern matches it. */
const joiner = '\u2060';

/**
 * Text with every reference and autolink broken by an invisible word joiner: after each character that starts a
 * GitLab reference (`@user`, `#issue`, `!merge request`, `$snippet`, `&epic`, `~label`, `%milestone`, `^`), inside
 * `://`, and after `www`. Shown, it reads the same. For the commit message, which GitLab does not render as
 * Markdown but does link references in.
 */
export function withoutReferences(text: string): string {
  return text
    .replace(/[@#!$&~%^]/g, (character) => `${character}${joiner}`)
    .replace(/:\/\//g, `:${joiner}//`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${joiner}.`);
}

/**
 * Text for a Markdown description that renders as itself: every ASCII punctuation character escaped with a
 * backslash (CommonMark's escape, so no emphasis, link, image, code, heading, table or HTML tag can begin), and
 * every reference and autolink broken as withoutReferences does.
 */
export function markdownText(text: string): string {
  // The joiners first: `://` escaped would no longer be found, and a joiner is not punctuation to escape.
  return withoutReferences(text).replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}
