import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';

// The README and the pages under docs/ link each other and the code: a link is a pointer a reader follows, so when a
// file moves or a page is split, a link left behind must fail here rather than 404 on GitHub or GitLab. Markdown
// links and raw HTML (`<img src>`, `<a href>`) alike, read as a Markdown renderer reads them (remark with GitHub's
// extensions, then rehype with raw HTML parsed). Only the file a link names is checked, not an `#anchor` in it:
// headings' anchors are made by each forge's own slugger, and none is installed here to agree with them.

/** README.md and every Markdown file under docs/, as paths from the project's root. */
function markdownFiles(): string[] {
  const underDocs = existsSync('docs')
    ? readdirSync('docs', { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .map((name) => join('docs', name))
    : [];
  return ['README.md', ...underDocs.sort()];
}

type Link = { url: string; line: number | undefined };

/** Every `href` and `src` of the rendered Markdown, with the line of the source it came from. */
function linksIn(markdown: string): Link[] {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  const tree: Root = processor.runSync(processor.parse(markdown));
  const links: Link[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element') {
      const element: Element = node;
      for (const name of ['href', 'src'] as const) {
        const value = element.properties[name];
        if (typeof value === 'string') links.push({ url: value, line: element.position?.start.line });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return links;
}

/** A link to another site (`https:`, `mailto:`, `//host`) or to a place in the same page (`#…`). */
const isExternalOrSamePage = (url: string) =>
  /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#');

/**
 * The relative links of `file`'s Markdown that name no file or folder of the project, each as `file:line: url`.
 * A link is read from the file's own folder (`/…` from the project's root, as the forges read it), without its
 * query or `#anchor`.
 */
function brokenLinks(file: string, markdown: string, exists: (path: string) => boolean): string[] {
  return linksIn(markdown)
    .filter(({ url }) => !isExternalOrSamePage(url))
    .filter(({ url }) => {
      const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
      const target = path.startsWith('/') ? normalize(path.slice(1)) : join(dirname(file), path);
      return target.startsWith('..') || !exists(target);
    })
    .map(({ url, line }) => `${file}:${line ?? '?'}: ${url}`);
}

describe('links in the README and docs/', () => {
  it('name files of the project, from the folder of the page they are in', () => {
    const files = markdownFiles();
    expect(files).toContain('docs/settings.md');
    expect(files.flatMap((file) => brokenLinks(file, readFileSync(file, 'utf8'), existsSync))).toEqual([]);
  });

  it('are found in Markdown and in raw HTML, and each one that names nothing is reported with its line', () => {
    const markdown = [
      '# Title',
      '',
      'See [Settings](settings.md#defaults), [the code](../lib/settings.ts), [the site](https://www.coops.tech/),',
      '[a heading](#title), [mail](mailto:contact@coops.tech) and [gone](gone.md).',
      '',
      '<img src="screenshots/home.png" alt="">',
      '<img src="screenshots/missing.png" alt="">',
      '',
      '| a                  |',
      '| ------------------ |',
      '| [moved](moved.md)  |',
      '',
      '[outside]: ../../etc/passwd',
      '',
      'And [a reference][outside], [from the root](/lib/settings.ts) and [encoded](my%20page.md).',
    ].join('\n');
    const present = new Set(['docs/settings.md', 'lib/settings.ts', 'docs/screenshots/home.png', 'docs/my page.md']);
    expect(brokenLinks('docs/page.md', markdown, (path) => present.has(path))).toEqual([
      'docs/page.md:4: gone.md',
      'docs/page.md:7: screenshots/missing.png',
      'docs/page.md:11: moved.md',
      'docs/page.md:15: ../../etc/passwd',
    ]);
  });
});
