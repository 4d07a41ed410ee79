import type { APIRequestContext } from '@playwright/test';
import { validEnquiry } from '../lib/enquiries/test-data';
import { formatErrors, validateHtml } from '../scripts/html-validator.mjs';
import { adminAuthorization, expect, pagePaths, test } from './site';

type Page = { path: string; status: number; signedIn?: boolean };

/**
 * The pages the sitemap does not list, which the checker reads too. A new page outside the sitemap (or behind the
 * members' sign-in) goes here. The page of one enquiry is added once the test has made one.
 */
const unlistedPages: readonly Page[] = [
  { path: '/no-such-page', status: 404 },
  { path: '/join/thanks', status: 200 },
  // The CMS's own shell (Decap CMS builds the page inside it in the browser).
  { path: '/cms', status: 200 },
  { path: '/admin/enquiries', status: 200, signedIn: true },
];

/** The paths of the URLs in the built sitemap. */
async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  return [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc = '']) => new URL(loc).pathname);
}

/** An enquiry's admin page: it needs an enquiry, posted as an applicant would. */
async function enquiryPage(request: APIRequestContext): Promise<Page> {
  const created = await request.post('/api/join', { data: { ...validEnquiry, coopName: 'Valid HTML Co-op' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { path: `/admin/enquiries/${id}`, status: 200, signedIn: true };
}

test('every page is valid HTML by the Nu Html Checker', async ({ request }) => {
  const sitemap = await sitemapPaths(request);
  // The sitemap is where the pages come from: an empty or short one would pass without checking them.
  expect(sitemap.length).toBeGreaterThanOrEqual(pagePaths.length);
  const pages: Page[] = [
    ...sitemap.map((path) => ({ path, status: 200 })),
    ...unlistedPages,
    await enquiryPage(request),
  ];
  // Reading the pages takes a few seconds; the checker, one JVM for all of them, some more on a busy machine.
  test.setTimeout(60_000 + pages.length * 200);

  const documents: Record<string, string> = {};
  for (const { path, status, signedIn } of pages) {
    const response = await request.get(path, signedIn ? { headers: adminAuthorization } : {});
    expect(response.status(), path).toBe(status);
    expect(response.headers()['content-type'], path).toMatch(/^text\/html/);
    documents[path] = await response.text();
  }

  expect(formatErrors(await validateHtml(documents)), 'page:line:column: message').toEqual([]);
});
