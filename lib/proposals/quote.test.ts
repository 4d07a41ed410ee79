import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownText, withoutReferences } from './quote';

// GitLab's Markdown is CommonMark with GitHub's extensions and raw HTML: here the same, through remark and rehype,
// raw HTML let through as a Markdown renderer without a sanitiser would, so a test sees what the text could do.
const render = (markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw)
      .use(rehypeStringify)
      .processSync(markdown),
  );
const html = (text: string) => text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/>/g, '>');

const hostile = [
  '@all please look, cc @ada.lovelace and ada@example.coop',
  'Fixes #12, see !3, $4, &5, ~urgent ~"two words", %"v1.0" and group/project#6',
  '<img src=x onerror=alert(1)> <script>alert(1)</script> <a href="https://evil.example">here</a>',
  '![tracker](https://evil.example/pixel.png) [click](javascript:alert(1)) <https://evil.example>',
  '**bold** _em_ `code` ~~gone~~ # heading | a | b | > quote - item 1. item \\ back',
  'Go to https://evil.example/path or www.evil.example or http://127.0.0.1:8080/',
  '&amp; &lt;b&gt; &#64;all :smile: [[_TOC_]] /assign @ada',
];

describe('a reason in a merge request', () => {
  it.each(hostile)('renders as the text itself, no tag, link, image or markup: %s', (text) => {
    expect(render(markdownText(text))).toBe(`<p>${html(withoutReferences(text))}</p>`);
  });

  it.each(hostile)('leaves no reference or bare address for GitLab to link: %s', (text) => {
    for (const quoted of [withoutReferences(text), markdownText(text)]) {
      expect(quoted).not.toMatch(/[@#!$&~%^]["\w]/);
      expect(quoted).not.toMatch(/:\/\/|\bwww\./i);
    }
  });

  it('reads the same once the invisible joiners are taken out', () => {
    for (const text of hostile) expect(withoutReferences(text).replaceAll('\u2060', '')).toBe(text);
  });
});
