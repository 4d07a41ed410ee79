import type { Processor } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { VFile } from 'vfile';
import { placeholders } from './site';

const placeholder = /\{\{\s*site\.([A-Za-z_][\w]*)\s*\}\}/g;

/**
 * Fills Jekyll-style `{{ site.NAME }}` placeholders from the site config. Unknown names are left in place and
 * returned, so the caller can fail with the file's name rather than publish a broken page.
 */
export function fillPlaceholders(markdown: string): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const text = markdown.replace(placeholder, (match, name: string) => {
    const value = placeholders[name];
    if (value === undefined) unknown.push(match);
    return value ?? match;
  });
  return { text, unknown };
}

type DocumentData = { rawDocumentData?: { sourceFilePath?: string }; unknownPlaceholders?: string[] };

/**
 * What the pipeline refuses in a document's Markdown: its message names the file, as the content build prints it;
 * `problem` is the same without the file, for a form that shows it beside the text (lib/proposals/entry-check.ts).
 */
export class MarkdownProblem extends Error {
  readonly problem: string;
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'MarkdownProblem';
    this.problem = problem;
  }
}

/**
 * Placeholders must be filled before parsing: `[forum]({{ site.forum }})` is not a link to a Markdown parser,
 * so this wraps the parser that remark-parse installed instead of transforming the tree afterwards.
 */
function remarkSitePlaceholders(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remarkSitePlaceholders must come after remark-parse');
  this.parser = (document: string, file: VFile) => {
    const { text, unknown } = fillPlaceholders(document);
    (file.data as DocumentData).unknownPlaceholders = unknown;
    return parse(text, file);
  };
  // A transformer runs after Contentlayer has put the document's path on the file, so the error can name it.
  return (_tree: unknown, file: VFile) => {
    const data = file.data as DocumentData;
    if (data.unknownPlaceholders?.length) {
      const where = data.rawDocumentData?.sourceFilePath ?? 'Markdown';
      throw new MarkdownProblem(where, `unknown placeholder ${data.unknownPlaceholders.join(', ')}`);
    }
  };
}

/**
 * The Markdown pipeline for every document: GitHub-flavoured Markdown with the authors' inline HTML passed
 * through, then sanitised as the very last tree step so nothing an editor commits can inject script.
 */
export function markdownPipeline(builder: Processor): void {
  builder
    .use(remarkFrontmatter)
    .use(remarkParse)
    .use(remarkSitePlaceholders)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize)
    .use(rehypeStringify);
}
