/**
 * One thing the content build refuses, said where an editor fixes it. The checks return these rather than lines of
 * text so that what they name can be relied on (a test, or the CMS, can ask which file and field), and the line an
 * editor reads is made in one place.
 */
export type ContentProblem = {
  /** The file, from the project's root: `content/coops/outlandish.md`. */
  file: string;
  /** The line of the file, when the check knows it (the redirects are one file of many entries). */
  line?: number;
  /**
   * The field that is wrong: a front-matter field (`email`, `image`), a redirect's `from` or `to`, or `redirects` for
   * the list as a whole.
   */
  field: string;
  /** What is wrong, in words an editor can act on, naming the field. */
  message: string;
};

/** Where a Contentlayer document came from; every generated document has it. */
export type ContentSource = { _raw: { sourceFilePath: string } };

/** A document's file, from the project's root. */
export const contentFileOf = (document: ContentSource) => `content/${document._raw.sourceFilePath}`;

/** The line an editor reads: `content/coops/outlandish.md: email "x" is not an email address`. */
export function describeProblem({ file, line, message }: ContentProblem): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${message}`;
}
