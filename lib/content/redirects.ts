import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
// Relative, not `@/lib/`: next.config.ts loads this module, and Next.js's config loader turns `@/lib/x` into
// `./lib/x` from this file's folder, which is not there.
// Relative, not @/: next.config.ts loads this module, and its loader resolves @/ against the config's folder.
import { enquiryKindList } from '../enquiry-kinds';
import type { KindDescription } from '../enquiry-kinds/kind';
import { thanksPaths } from '../enquiry-kinds/on-site';
import { describeProblem, type ContentProblem } from './problem';

// Moved pages, listed by editors in one YAML file: a map with one list, `redirects`, because a Git-based CMS edits a
// file as named fields (a list widget), not as a bare list. next.config.ts serves them with Next.js's own
// `redirects()`; the content build (lib/content/checks.ts) checks them against the site's pages.

/** Where the list is, from the project's root. */
export const redirectsFile = 'content/redirects.yml';

/** One moved address, with the line of the file it starts on (for messages). */
export type Redirect = { from: string; to: string; note?: string; line: number };

const sitePath = z.string({ error: 'must be a site path such as /about' });
const entrySchema = z.strictObject(
  { from: sitePath, to: sitePath, note: z.string({ error: 'must be text' }).optional() },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')} (a redirect has from, to and note)`
        : 'must be a redirect with from and to',
  },
);
const fileSchema = z
  .strictObject(
    { redirects: z.array(entrySchema, { error: 'must be a list of redirects' }).nullish() },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `has unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')} (the file has one list, redirects)`
          : 'must be a map with one list, redirects',
    },
  )
  .nullable();

// A part of a path is a plain name, or `:name` for any one part (Next.js's syntax, limited to what needs no escaping).
const pathSyntax = /^\/$|^(\/([A-Za-z0-9_~-][A-Za-z0-9._~-]*|:[A-Za-z]\w*))+$/;
const segmentsOf = (path: string) => (path === '/' ? [] : path.slice(1).split('/'));
const isParameter = (segment: string) => segment.startsWith(':');

/** Whether a path matches a pattern of from or to; Next.js matches redirect sources whatever their case. */
function matches(pattern: string, path: string, { anyCase }: { anyCase: boolean }): boolean {
  const parts = segmentsOf(pattern);
  const segments = segmentsOf(path);
  const same = (a: string, b: string) => (anyCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  return (
    parts.length === segments.length && parts.every((part, i) => isParameter(part) || same(part, segments[i] ?? ''))
  );
}

/** Whether every path `later` matches, `earlier` matches too: then `later` never applies. */
function covers(earlier: string, later: string): boolean {
  const a = segmentsOf(earlier);
  const b = segmentsOf(later);
  return (
    a.length === b.length &&
    a.every((part, i) => {
      const other = b[i] ?? '';
      return isParameter(part) || (!isParameter(other) && part.toLowerCase() === other.toLowerCase());
    })
  );
}

/** A problem with one entry, in one of its fields: messages name the entry by its from, the file by its line. */
const entryProblem = (file: string, redirect: Redirect, field: keyof Redirect, what: string): ContentProblem => ({
  file,
  line: redirect.line,
  field,
  message: `redirect from "${redirect.from}": ${what}`,
});

/** What is wrong with the entries on their own: a path Next.js would not read as meant, a clash between entries. */
function syntaxProblems(redirects: readonly Redirect[], file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  redirects.forEach((redirect, index) => {
    const problem = (field: keyof Redirect, what: string) => problems.push(entryProblem(file, redirect, field, what));
    for (const field of ['from', 'to'] as const) {
      const path = redirect[field];
      if (!pathSyntax.test(path)) {
        problem(
          field,
          `${field} "${path}" is not a site path (start with /; in each part use letters, digits and - . _ ~, ` +
            'or :name for a part that varies; no trailing /)',
        );
      }
    }
    const fromParameters = new Set(segmentsOf(redirect.from).filter(isParameter));
    for (const parameter of segmentsOf(redirect.to).filter(isParameter)) {
      if (!fromParameters.has(parameter)) problem('to', `to uses ${parameter}, which from does not have`);
    }
    const earlier = redirects.slice(0, index).find((other) => covers(other.from, redirect.from));
    if (earlier) {
      problem(
        'from',
        covers(redirect.from, earlier.from)
          ? `from is listed twice (first at line ${earlier.line})`
          : `never applies: the redirect from "${earlier.from}" at line ${earlier.line} comes first and matches it`,
      );
    }
  });
  return problems;
}

/** The redirects of the file, and what is wrong with them: each problem names the file, line and entry. */
export type ParsedRedirects = { redirects: Redirect[]; problems: ContentProblem[] };

/** The redirects in the file's text, and what is wrong with them, each problem naming the file, line and entry. */
export function parseRedirects(text: string, file = redirectsFile): ParsedRedirects {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      file,
      line: error.linePos?.[0].line ?? 1,
      // A syntax error belongs to no one field: the line says where it is.
      field: 'redirects',
      message: error.message.split('\n')[0] ?? error.message,
    }));
    return { redirects: [], problems };
  }
  const list = document.get('redirects', true);
  const lineOf = (index: number) => {
    const item = isSeq(list) ? list.items[index] : undefined;
    const offset = isNode(item) ? item.range?.[0] : undefined;
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  };

  const parsed = fileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): ContentProblem => {
      const [, index, field] = issue.path;
      if (typeof index !== 'number') {
        return { file, field: 'redirects', message: `${issue.path.join('.') || 'the file'} ${issue.message}` };
      }
      const subject = field === undefined ? '' : `${String(field)} `;
      return {
        file,
        line: lineOf(index),
        // An issue with the entry as a whole (an unknown field) is the list's.
        field: field === undefined ? 'redirects' : String(field),
        message: `redirect ${index + 1}: ${subject}${issue.message}`,
      };
    });
    return { redirects: [], problems };
  }
  const redirects = (parsed.data?.redirects ?? []).map((entry, index) => ({ ...entry, line: lineOf(index) }));
  return { redirects, problems: syntaxProblems(redirects, file) };
}

/** The project's redirects file read and parsed; no file is no redirects. */
export function readRedirects(root = process.cwd()): ParsedRedirects {
  const path = join(root, redirectsFile);
  return existsSync(path) ? parseRedirects(readFileSync(path, 'utf8')) : { redirects: [], problems: [] };
}

/** For next.config.ts: the redirects, or an error naming each bad entry, which stops `next build` with its message. */
export function loadRedirects(root = process.cwd()): Redirect[] {
  const { redirects, problems } = readRedirects(root);
  if (problems.length > 0) {
    throw new Error(`Redirects in ${redirectsFile} are not valid:\n${problems.map(describeProblem).join('\n')}`);
  }
  return redirects;
}

/** The app/ routes that are not made from content files. */
/** The pages not made from a document: the home page, the directory, the work index, each enquiry's thanks page. */
const fixedPages = (kinds: readonly KindDescription[]) => ['/', '/members', '/work', ...thanksPaths(kinds)];

/** The pages made from content: one per document, and one per member town (towns have no files). */
type SiteContent = Record<
  'pages' | 'coops' | 'services' | 'technologies' | 'towns' | 'caseStudies',
  readonly { url: string }[]
>;

/** Every page of the site, as the sitemap lists them: the fixed routes and the pages made from content. */
export function sitePaths(content: SiteContent, kinds: readonly KindDescription[] = enquiryKindList): string[] {
  return [
    ...new Set([
      ...fixedPages(kinds),
      ...Object.values(content).flatMap((documents) => documents.map(({ url }) => url)),
    ]),
  ];
}

/** Paths the site answers with something other than a page: its own routes, its generated files. */
function isReserved(path: string): boolean {
  const [first = '', ...rest] = segmentsOf(path.toLowerCase());
  return (
    ['_next', 'api', 'admin', 'robots.txt', 'sitemap.xml', 'icon.svg'].includes(first) ||
    [first, ...rest].some((segment) => segment.startsWith('opengraph-image'))
  );
}

/**
 * What is wrong with the redirects against the site, one problem each naming the file, line and entry: a target
 * that is not a page (a pattern's must match at least one), or a source the site already serves, which the redirect
 * would hide (`inPublic` says whether a path names a file under public/).
 */
export function redirectProblems(
  redirects: readonly Redirect[],
  site: { paths: readonly string[]; inPublic: (path: string) => boolean },
  file = redirectsFile,
): ContentProblem[] {
  const pages = new Set(site.paths);
  return redirects.flatMap((redirect) => {
    const problems: ContentProblem[] = [];
    const problem = (field: keyof Redirect, what: string) => problems.push(entryProblem(file, redirect, field, what));
    const isPattern = segmentsOf(redirect.to).some(isParameter);
    if (
      isPattern ? !site.paths.some((path) => matches(redirect.to, path, { anyCase: false })) : !pages.has(redirect.to)
    ) {
      problem(
        'to',
        isPattern ? `to "${redirect.to}" matches no page of the site` : `to "${redirect.to}" is not a page of the site`,
      );
    }
    const hidden = site.paths.filter((path) => matches(redirect.from, path, { anyCase: true }));
    if (hidden.length > 0) {
      const named = hidden.slice(0, 3).join(', ') + (hidden.length > 3 ? ` and ${hidden.length - 3} more` : '');
      problem('from', `from would hide a page of the site (${named}); a redirect is for an address with no page`);
    } else if (
      isReserved(redirect.from) ||
      (!segmentsOf(redirect.from).some(isParameter) && site.inPublic(redirect.from))
    ) {
      problem('from', 'from is an address the site already answers; a redirect is for an address with no page');
    }
    return problems;
  });
}
