import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, pagePaths, test } from './site';

// Read here as an editor wrote it, independently of lib/content/redirects.ts.
const { redirects } = parse(readFileSync(join(__dirname, '../content/redirects.yml'), 'utf8')) as {
  redirects: { from: string; to: string }[];
};

/**
 * An address the entry redirects, with where it must lead: its from and to as they are, or, for a pattern, filled
 * in from a page its to matches (`/coops/:slug` → `/co-op/:slug` as `/coops/outlandish` → `/co-op/outlandish`).
 */
function example({ from, to }: { from: string; to: string }): { from: string; to: string } {
  const parts = to.split('/');
  const page = pagePaths.find((path) => {
    const segments = path.split('/');
    return segments.length === parts.length && parts.every((part, i) => part.startsWith(':') || part === segments[i]);
  });
  const values = new Map(parts.flatMap((part, i) => (part.startsWith(':') ? [[part, page?.split('/')[i]]] : [])));
  const fill = (path: string) =>
    path
      .split('/')
      .map((part) => (part.startsWith(':') ? (values.get(part) ?? 'anything') : part))
      .join('/');
  return { from: fill(from), to: fill(to) };
}

test.describe('the redirects in content/redirects.yml', () => {
  for (const redirect of redirects) {
    const { from, to } = example(redirect);
    test(`${from} is a permanent redirect to ${to}, which is a page`, async ({ request, baseURL }) => {
      const response = await request.get(from, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      const location = new URL(response.headers().location ?? '', baseURL);
      expect(location.origin + location.pathname + location.search).toBe(new URL(to, baseURL).href);
      expect((await request.get(to, { maxRedirects: 0 })).status()).toBe(200);
    });
  }
});

test("the network's old addresses lead to their pages", async ({ request }) => {
  for (const [old, page] of [
    ['/coops/', '/members'],
    ['/coops/outlandish', '/co-op/outlandish'],
    ['/technology/gnu-bash', '/technology/bash'],
    ['/co-op/graphics-coop', '/members'],
    ['/about.html', '/about'],
    ['/join.html', '/join'],
    ['/manifesto.html', '/manifesto'],
    ['/hire.html', '/hire'],
  ] as const) {
    const response = await request.get(old);
    expect(response.status(), old).toBe(200);
    expect(new URL(response.url()).pathname, old).toBe(page);
  }
});
