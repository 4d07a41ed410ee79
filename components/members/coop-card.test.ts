import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CoopCard } from './coop-card';

const coop = { name: 'Acme Co-op', url: '/co-op/acme' };
const monogram = { initials: 'A', background: '#572eb8', foreground: '#ffffff' };

describe('a co-op card', () => {
  it("shows the logo at its fitted size, decorative beside the co-op's name", () => {
    const html = renderToStaticMarkup(
      createElement(CoopCard, {
        coop,
        logo: { src: '/images/coops/acme.svg', width: 64, height: 32 },
        monogram,
        services: [],
      }),
    );
    expect(html).toContain(
      '<img src="/images/coops/acme.svg" alt="" width="64" height="32" loading="lazy" decoding="async"/>',
    );
    expect(html).toMatch(/<h3[^>]*><a href="\/co-op\/acme">Acme Co-op<\/a><\/h3>/);
    expect(html).not.toContain('<svg');
  });

  it('shows a light logo on a dark tile, and any other logo without one', () => {
    const logo = { src: '/images/coops/acme.png', width: 64, height: 32 };
    const onDark = renderToStaticMarkup(
      createElement(CoopCard, { coop, logo: { ...logo, onDark: true }, monogram, services: [] }),
    );
    expect(onDark).toMatch(/<span class="bg-ink [^"]*"><img src="\/images\/coops\/acme\.png"[^>]*\/><\/span>/);
    const plain = renderToStaticMarkup(createElement(CoopCard, { coop, logo, monogram, services: [] }));
    expect(plain).not.toContain('bg-ink');
  });

  it('shows the monogram without a logo: the initials in white on the co-op’s colour, drawn inline', () => {
    const html = renderToStaticMarkup(createElement(CoopCard, { coop, monogram, services: [] }));
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<svg viewBox="0 0 64 64" width="48" height="48" aria-hidden="true"[^>]*>/);
    expect(html).toContain('<rect width="64" height="64" rx="12" fill="#572eb8"></rect>');
    expect(html).toMatch(/<text [^>]*fill="#ffffff"[^>]*>A<\/text>/);
  });
});
