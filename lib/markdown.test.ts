import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, markdownPipeline, remoteImagesIn } from './markdown';
import { site } from './site';

async function render(markdown: string): Promise<string> {
  const processor = unified();
  markdownPipeline(processor);
  return String(await processor.process(markdown));
}

describe('fillPlaceholders', () => {
  it('fills known names from the site config, with or without spaces', () => {
    expect(fillPlaceholders('[forum]({{ site.forum }}) {{site.email}}')).toEqual({
      text: `[forum](${site.forum}) ${site.email}`,
      unknown: [],
    });
  });

  it('reports unknown names and leaves them in place', () => {
    expect(fillPlaceholders('{{ site.nope }}')).toEqual({ text: '{{ site.nope }}', unknown: ['{{ site.nope }}'] });
  });
});

describe('markdownPipeline', () => {
  it('turns a placeholder link into a real link', async () => {
    expect(await render('[our community forum]({{ site.forum }})')).toContain(
      `<a href="${site.forum}">our community forum</a>`,
    );
  });

  it('fails on an unknown placeholder rather than publishing it', async () => {
    await expect(render('Hello {{ site.missing }}')).rejects.toThrow(/unknown placeholder \{\{ site\.missing \}\}/);
  });

  it('resolves reference-style links from their definitions', async () => {
    expect(await render('Use [Loomio][] and [a wiki][wiki].\n\n[Loomio]: https://loomio.example/\n[wiki]: /wiki')).toBe(
      '<p>Use <a href="https://loomio.example/">Loomio</a> and <a href="/wiki">a wiki</a>.</p>',
    );
  });

  it('keeps the inline HTML authors wrote', async () => {
    const html = await render(
      'At <a href="https://example.org/x">an event</a>.\n\n<img src="/images/p.png" alt="A group" width="1024" height="376" />',
    );
    expect(html).toContain('<a href="https://example.org/x">an event</a>');
    expect(html).toContain('<img src="/images/p.png" alt="A group" width="1024" height="376">');
  });

  it('leaves out images on other sites, in HTML or Markdown, and keeps the text around them', async () => {
    const html = await render(
      [
        'Before.',
        '<img src="https://example.org/p.png" alt="A group" width="1024" height="376" />',
        '![A hall](http://example.org/hall.jpg) and ![a logo](//cdn.example.org/logo.svg)',
        '<picture><source srcset="/images/a.webp 1x, https://example.org/a.webp 2x"><img src="/images/a.png" alt="A"></picture>',
        'After, with ![our own](/images/own.png).',
      ].join('\n\n'),
    );
    expect(html).not.toContain('example.org');
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p> and </p>');
    expect(html).toContain('<picture><img src="/images/a.png" alt="A"></picture>');
    expect(html).toContain('<p>After, with <img src="/images/own.png" alt="our own">.</p>');
  });
});

describe('remoteImagesIn', () => {
  it('names each image on another site that the page leaves out, and none of its own', () => {
    expect(
      remoteImagesIn(
        '---\ntitle: X\n---\n<img src="https://example.org/p.png" alt="">\n\n![a](//cdn.example.org/a.svg) ![b](/b.png)',
      ),
    ).toEqual(['https://example.org/p.png', '//cdn.example.org/a.svg']);
    expect(remoteImagesIn('![own]({{ site.url }}/x.png)')).toEqual([]);
    expect(remoteImagesIn('No images, [a link](https://example.org/).')).toEqual([]);
  });

  it('sanitises scripts, event handlers and javascript: URLs out of the HTML', async () => {
    const html = await render(
      '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n[click](javascript:alert(3)) <a href="javascript:alert(4)">here</a>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:/);
  });

  it('drops front matter from the body', async () => {
    expect(await render('---\ntitle: X\n---\nBody')).toBe('<p>Body</p>');
  });
});
