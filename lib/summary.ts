import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fillPlaceholders } from './markdown';

/** The first paragraph of a Markdown body as plain text, cut at a word, for descriptions and link previews. */
export function summarise(markdown: string, maxLength = 200): string {
  const tree = unified().use(remarkParse).parse(fillPlaceholders(markdown).text);
  const text =
    tree.children
      .filter((node) => node.type === 'paragraph')
      .map((node) => toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim())
      .find((paragraph) => paragraph !== '') ?? '';
  if (text.length <= maxLength) return text;
  return `${text.slice(0, text.lastIndexOf(' ', maxLength - 1))}…`;
}
