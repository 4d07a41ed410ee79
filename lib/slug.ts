/** `Newcastle Upon Tyne` → `newcastle-upon-tyne`: the URL segment for a name that has no file of its own (towns). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * What a document's file name may be, without `.md`: its slug, the last part of its page's address. The content
 * build refuses any other (lib/content/checks.ts), and so whatever builds can be proposed, since the proposals'
 * worker names the file and its branch by the same rule (lib/proposals/change.ts): no dot, slash or space to climb
 * out of a folder or break a branch name. Underscores are in because an entry's address has one
 * (/co-op/principle_six), and an address that is public stays.
 */
export const slugPattern = /^[a-z0-9][a-z0-9_-]*$/;

/** The rule in words, for a message. */
export const slugRule = 'lower-case letters, digits, - and _, starting with a letter or digit';
