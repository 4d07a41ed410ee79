import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CoopHeader, type HeaderEntry } from './coop-header';

const entry: HeaderEntry = {
  name: 'Acme Co-op',
  member: true,
  town: ' Leeds ',
  website: 'https://acme.example.coop/',
  email: 'hello@acme.example.coop',
  workerMembers: 7,
};
const monogram = { initials: 'AC', background: '#572eb8', foreground: '#ffffff' };
const render = (coop: HeaderEntry, lastConfirmed?: Date) =>
  renderToStaticMarkup(createElement(CoopHeader, { coop, monogram, ...(lastConfirmed && { lastConfirmed }) }));

describe("a co-op's header", () => {
  it("shows the entry's facts, its town linked to the town's page", () => {
    const html = render(entry);
    expect(html).toMatch(/<h1[^>]*>Acme Co-op<\/h1>/);
    expect(html).toContain('<dt class="font-semibold">Town</dt><dd><a href="/town/leeds">Leeds</a></dd>');
    expect(html).toContain('<a href="https://acme.example.coop/">https://acme.example.coop/</a>');
    expect(html).toContain('<dt class="font-semibold">Worker-members</dt><dd>7</dd>');
    expect(html).not.toContain('former member');
  });

  it('shows the email address only when the entry says to', () => {
    expect(render(entry)).not.toContain('hello@acme.example.coop');
    expect(render({ ...entry, showEmail: true })).toContain(
      '<a href="mailto:hello@acme.example.coop">hello@acme.example.coop</a>',
    );
  });

  it("says a former member has left, and names its town without linking to the members' town page", () => {
    const html = render({ ...entry, member: false });
    expect(html).toContain('Acme Co-op is a former member');
    expect(html).toContain('<dd>Leeds</dd>');
    expect(html).not.toContain('/town/leeds');
  });

  it('shows when the entry was last confirmed only when given that date', () => {
    expect(render(entry)).not.toContain('Last confirmed');
    expect(render(entry, new Date('2023-03-01T00:00:00Z'))).toMatch(
      /<dt data-last-confirmed="true" class="font-semibold">Last confirmed<\/dt><dd data-last-confirmed="true"><time dateTime="2023-03-01">[^<]+<\/time><\/dd>/,
    );
  });

  it('shows the monogram when there is no logo, and the logo when there is', () => {
    expect(render(entry)).toMatch(/<svg [^>]*aria-hidden="true"[^>]*>.*>AC<\/text><\/svg>/);
    const withLogo = renderToStaticMarkup(
      createElement(CoopHeader, {
        coop: entry,
        monogram,
        logo: { src: '/images/coops/acme.png', width: 96, height: 40 },
      }),
    );
    expect(withLogo).toContain('<img src="/images/coops/acme.png" alt="" width="96" height="40" decoding="async"/>');
    expect(withLogo).not.toContain('<svg');
  });

  it('has no empty list of facts for an entry that gives none', () => {
    expect(render({ name: 'Acme Co-op', member: true })).not.toContain('<dl');
  });
});
