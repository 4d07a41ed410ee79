import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CoopCard } from './coop-card';

const coop = { name: 'Acme Co-op', url: '/co-op/acme' };

describe('a co-op card', () => {
  it("shows the logo at its fitted size, decorative beside the co-op's name", () => {
    const html = renderToStaticMarkup(
      createElement(CoopCard, { coop, logo: { src: '/images/coops/acme.svg', width: 64, height: 32 }, services: [] }),
    );
    expect(html).toContain(
      '<img src="/images/coops/acme.svg" alt="" width="64" height="32" loading="lazy" decoding="async"/>',
    );
    expect(html).toMatch(/<h3[^>]*><a href="\/co-op\/acme">Acme Co-op<\/a><\/h3>/);
  });

  it('has no image without a logo', () => {
    expect(renderToStaticMarkup(createElement(CoopCard, { coop, services: [] }))).not.toContain('<img');
  });
});
