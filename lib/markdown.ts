import type { Element, Root } from 'hast';
import { unified, type Processor } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { VFile } from 'vfile';
import { placeholders, site } from './site';

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
 * An address on another site: with a scheme (`https:`) or without one (`//host/…`), and not this site's own origin
 * (`{{ site.url }}/images/x.png`). A path of this site is neither.
 */
function onAnotherSite(url: string): boolean {
  if (!/^\s*(?:[a-z][a-z\d+.-]*:|[\\/]{2})/i.test(url)) return false;
  return URL.canParse(url.trim()) ? new URL(url.trim()).origin !== site.url : true;
}

/** Where an element would load an image from another site (an img's src, a source's srcset); none, undefined. */
function remoteImageOf(node: Element): string | undefined {
  const { src, srcSet } = node.properties;
  if (node.tagName === 'img' && typeof src === 'string' && onAnotherSite(src)) return src;
  if (node.tagName !== 'source' || srcSet === undefined || srcSet === null) return undefined;
  const candidates = (Array.isArray(srcSet) ? srcSet.map(String) : String(srcSet).split(',')).map(
    (candidate) => candidate.trim().split(/\s+/)[0] ?? '',
  );
  return candidates.find(onAnotherSite);
}

/** Takes every element that would load an image from another site out of a tree; returns their addresses. */
function dropRemoteImages(parent: Root | Element): string[] {
  const dropped: string[] = [];
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    const remote = remoteImageOf(child);
    if (remote !== undefined) dropped.push(remote);
    else dropped.push(...dropRemoteImages(child));
    return remote === undefined;
  }) as typeof parent.children;
  return dropped;
}

/**
 * Images come from this site only. An image on another site is hot-linked: every reader's browser asks that site
 * for it, telling it who reads the page, and the page breaks when the image moves. So the pipeline leaves it out,
 * and the content build names each one it left out (`remoteImagesIn`) for an editor to put the file under public/.
 * Leaving it out rather than failing the build keeps a text that must stay as written (the About page's seed) as it
 * is in its file.
 */
function rehypeDropRemoteImages() {
  return (tree: Root) => {
    dropRemoteImages(tree);
  };
}

/** The images on another site that a document's Markdown shows, which its page leaves out. */
export function remoteImagesIn(markdown: string): string[] {
  const processor = unified()
    .use(remarkFrontmatter)
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  const tree = processor.runSync(processor.parse(fillPlaceholders(markdown).text));
  return dropRemoteImages(tree as Root);
}

/**
 * The Markdown pipeline for every document: GitHub-flavoured Markdown with the authors' inline HTML passed
 * through, images from other sites left out, then sanitised as the very last tree step so nothing an editor commits
 * can inject script.
 */
export function markdownPipeline(builder: Processor): void {
  builder
    .use(remarkFrontmatter)
    .use(remarkParse)
    .use(remarkSitePlaceholders)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeDropRemoteImages)
    .use(rehypeSanitize)
    .use(rehypeStringify);
}
