import { allCoops } from 'contentlayer/generated';
import { describe, expect, it } from 'vitest';
import { GET } from './route';

const members = allCoops.filter((coop) => coop.member);
const offering = (service: string) => members.filter((coop) => coop.services?.includes(service));

/** The thanks page at `path`, as its route answers it: no database is opened, since it reads nothing stored. */
async function thanks(path: string) {
  const url = new URL(path, 'http://localhost:3000');
  const [, slug = '', , reference = ''] = url.pathname.split('/');
  const response = await GET(new Request(url), { params: Promise.resolve({ slug, reference }) });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

describe('the thanks page with a reference', () => {
  it('shows the reference it was given, in a page without script, not cached or indexed', async () => {
    const page = await thanks('/join/thanks/J-4K7Q');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toBe('noindex');
    expect(page.html).toMatch(/<h1[^>]*>Thank you for your enquiry<\/h1>/);
    expect(page.html).toMatch(/Your reference is <strong[^>]*>J-4K7Q<\/strong>/);
    expect(page.html).not.toMatch(/<script\b/);
    // A join enquiry is not matched to co-ops.
    expect(page.html).not.toContain('data-matches');
  });

  it('is a 404 for anything but a reference of the page’s kind, in its one spelling', async () => {
    for (const path of [
      '/join/thanks/B-4K7Q',
      '/join/thanks/j-4k7q',
      '/join/thanks/J-4K7O',
      '/join/thanks/J-4K7QQ',
      '/hire/thanks/<b>',
      '/about/thanks/J-4K7Q',
    ]) {
      const page = await thanks(path);
      expect(page.status, path).toBe(404);
      expect(page.html).toMatch(/<h1[^>]*>Page not found<\/h1>/);
      expect(page.html).not.toContain('4K7');
    }
  });

  it('shows a brief’s sender the member co-ops offering the one service asked for, each naming it', async () => {
    const expected = offering('hosting');
    expect(expected.length).toBeGreaterThan(0);
    const page = await thanks('/hire/thanks/B-9M2D?service=hosting');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/Your reference is <strong[^>]*>B-9M2D<\/strong>/);
    expect(page.html).toContain('<h2 id="matches-heading"');
    expect(page.html).toContain('Your brief has gone to the whole network anyway');
    const cards = [...page.html.matchAll(/<li class="rounded[^>]*>([\s\S]*?)<\/ul><\/li>/g)].map(([, card]) => card);
    expect(cards.length).toBe(Math.min(expected.length, 6));
    for (const card of cards) expect(card).toContain('<li>Offers Hosting.</li>');
    for (const coop of expected.slice(0, cards.length)) expect(page.html).toContain(`href="${coop.url}"`);
  });

  it('echoes nothing from its address but the reference and the directory’s own words', async () => {
    const page = await thanks(
      '/hire/thanks/B-9M2D?service=hosting&service=%3Cb%3Ephish%3C%2Fb%3E&technology=%3Cscript%3E&town=Call%200800%20111',
    );
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(/phish|0800|<script/);
  });
});
