import type { APIRequestContext, Page as PlaywrightPage } from '@playwright/test';
import { validBrief, validEnquiry } from '@/test/enquiry-data';
import { formatErrors, validateHtml } from '@/scripts/html-validator';
import { addLinkedContact, expect, forwardTo, memberFiles, pagePaths, signIn, signedInHeaders, test } from './site';

/** A page, and whose session reads it: nobody's (signed out), the worker's admin's, or a co-op contact's. */
type Page = { path: string; status: number; as?: 'admin' | 'contact' };

/**
 * The pages the sitemap does not list, which the checker reads too. A new page outside the sitemap (or behind the
 * members' sign-in) goes here. The page of one enquiry is added once the test has made one, and a co-op contact's pages once an admin has
 * linked one.
 */
const unlistedPages: readonly Page[] = [
  { path: '/no-such-page', status: 404 },
  { path: '/join/thanks', status: 200 },
  { path: '/sign-in', status: 200 },
  { path: '/sign-in?error=INVALID_TOKEN&signed-out=1', status: 200 },
  { path: '/sign-in/check-your-mail', status: 200 },
  { path: '/hire/thanks', status: 200 },
  // The thanks pages a form post lands on, with a reference and (a brief's) the matching co-ops, and their 404.
  { path: '/join/thanks/J-4K7Q', status: 200 },
  { path: '/hire/thanks/B-9M2D?service=web-design&service=hosting&technology=drupal&town=sheffield', status: 200 },
  { path: '/hire/thanks/B-9M2D?service=hosting', status: 200 },
  { path: '/hire/thanks/J-4K7Q', status: 404 },
  // One of /hire's per-service variants (canonical /hire, so not in the sitemap).
  { path: '/hire/web-design', status: 200 },
  // The CMS's own shell (Decap CMS builds the page inside it in the browser).
  { path: '/cms', status: 200 },
  // What npm start's server shows a browser whose request it refuses (lib/http/refusal-pages.ts).
  ...[400, 411, 413, 414].map((status) => ({ path: `/refused/${status}`, status: 200 })),
  { path: '/admin/enquiries', status: 200, as: 'admin' },
  { path: '/admin/enquiries?kind=brief&status=won', status: 200, as: 'admin' },
  { path: '/admin/enquiries?kind=spam', status: 200, as: 'admin' },
  { path: '/admin/enquiries?reference=b9m2d', status: 200, as: 'admin' },
  { path: '/admin/enquiries?reference=B-OOPS', status: 200, as: 'admin' },
  { path: '/admin/people', status: 200, as: 'admin' },
  { path: '/admin/activity', status: 200, as: 'admin' },
  { path: '/admin/coops', status: 200, as: 'admin' },
  // A co-op's admin page: its people and "Left the network".
  { path: '/admin/coops/outlandish', status: 200, as: 'admin' },
  { path: '/admin/proposals', status: 200, as: 'admin' },
  { path: '/account', status: 200, as: 'admin' },
];

/** The paths of the URLs in the built sitemap. */
async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  return [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc = '']) => new URL(loc).pathname);
}

/** An enquiry's admin page: it needs an enquiry (a join enquiry or a brief), posted as its sender would. */
async function enquiryPage(request: APIRequestContext, kind: 'join' | 'brief'): Promise<Page> {
  const created =
    kind === 'join'
      ? await request.post('/api/join', { data: { ...validEnquiry, coopName: 'Valid HTML Co-op' } })
      : await request.post('/api/briefs', { data: { ...validBrief, organisation: 'Valid HTML Org' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { path: `/admin/enquiries/${id}`, status: 200, as: 'admin' };
}

/**
 * A co-op contact's pages: their account, which lists their co-op, and its edit form. The admin, signed in on
 * `page`, adds the contact and links them to a member co-op at /admin/people. Returns the pages and the address.
 */
async function contactPages(page: PlaywrightPage, coop: { slug: string; name: string }) {
  const email = `valid.html.${Date.now()}@e2e.example`;
  await addLinkedContact(page, 'Vera Valid', email, coop);
  const pages: Page[] = [
    { path: '/account', status: 200, as: 'contact' },
    { path: `/account/coops/${coop.slug}`, status: 200, as: 'contact' },
  ];
  return { email, pages };
}

/**
 * A brief forwarded to a co-op, through its page as a member does: its page then shows the forwarding. The co-op
 * has a contact linked (`contactPages`, first), since a co-op with no address cannot be sent a brief.
 */
async function forwardedBriefPage(request: APIRequestContext, page: PlaywrightPage): Promise<Page> {
  const brief = await enquiryPage(request, 'brief');
  await page.goto(brief.path);
  await forwardTo(page, [memberFiles[0]?.name ?? '']);
  return brief;
}

test('every page is valid HTML by the Nu Html Checker', async ({ request, page }) => {
  const coop = memberFiles[0];
  if (!coop) throw new Error('the content needs a member co-op');
  const sitemap = await sitemapPaths(request);
  // The sitemap is where the pages come from: an empty or short one would pass without checking them.
  expect(sitemap.length).toBeGreaterThanOrEqual(pagePaths.length);
  await signIn(page);
  const contact = await contactPages(page, coop);
  const pages: Page[] = [
    ...sitemap.map((path) => ({ path, status: 200 })),
    ...unlistedPages,
    await enquiryPage(request, 'join'),
    await enquiryPage(request, 'brief'),
    await forwardedBriefPage(request, page),
    ...contact.pages,
  ];
  // Reading the pages takes a few seconds; the checker, one JVM for all of them, some more on a busy machine.
  test.setTimeout(60_000 + pages.length * 200);

  const documents: Record<string, string> = {};
  const headers = {
    admin: await signedInHeaders(request),
    contact: await signedInHeaders(request, contact.email),
    // Signed out, explicitly: the request context keeps the session cookie it was given.
    nobody: { cookie: '' },
  };
  for (const { path, status, as } of pages) {
    const response = await request.get(path, { headers: headers[as ?? 'nobody'] });
    const name = as === 'contact' ? `${path} (a co-op contact's)` : path;
    expect(response.status(), name).toBe(status);
    expect(response.headers()['content-type'], name).toMatch(/^text\/html/);
    documents[name] = await response.text();
  }

  // The page a failed form post shows without JavaScript, a document the route renders itself.
  const failed = await request.post('/api/join', {
    form: { ...validEnquiry, coopName: 'Invalid HTML Co-op', email: 'nope' },
    headers: { accept: 'text/html' },
  });
  expect(failed.status()).toBe(422);
  documents['POST /api/join (422, without JavaScript)'] = await failed.text();

  expect(formatErrors(await validateHtml(documents)), 'page:line:column: message').toEqual([]);
});
