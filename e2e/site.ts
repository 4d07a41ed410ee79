import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { slugify } from '@/lib/slug';
import { adminEmails } from '@/playwright.config';
import { coopFiles, markdownOf, memberFiles, namesIn, slugsIn } from '@/test/content-files';
import { askOnSignInForm, confirmSignIn } from '@/test/site-pages';
import { signInMailsTo, nextSignInLink } from './mailbox';

export { coopFiles, memberFiles, namesIn };
export {
  addLinkedContact,
  confirmSignIn,
  fillValidBrief,
  fillValidEnquiry,
  forwardTo,
  typeSignInCode,
} from '@/test/site-pages';

/** This worker's admin (named `admin0`, `admin1`… by ADMIN_EMAILS): only this worker signs in as them. */
export function workerAdmin(): string {
  return adminEmails[base.info().parallelIndex % adminEmails.length] ?? '';
}

/** Asks for a sign-in link as /sign-in's form does when posted, and returns the link from the SMTP sink. */
async function mailedSignInLink(request: APIRequestContext, email: string): Promise<string> {
  const seen = signInMailsTo(email).length;
  const asked = await request.post('/sign-in/request', { form: { email }, maxRedirects: 0 });
  expect(asked.headers().location).toBe('/sign-in/check-your-mail');
  return nextSignInLink(email, seen);
}

/**
 * Signs `page` in as `email` by the mailed link, as a person does: the link opens our confirmation page, and its
 * button signs in. The link is asked for through the page's own request context, which shares the browser's
 * cookies (the accounts tests drive /sign-in's form itself). Returns the link, spent.
 */
export async function signIn(page: Page, email: string = workerAdmin()): Promise<string> {
  const link = await mailedSignInLink(page.request, email);
  await confirmSignIn(page, link, email);
  return link;
}

/** Asks for a link on /sign-in as a person does and sees the answer; returns the link from the SMTP sink. */
export async function askOnSignInPage(page: Page, email: string): Promise<string> {
  const seen = signInMailsTo(email).length;
  await askOnSignInForm(page, email);
  return nextSignInLink(email, seen);
}

/**
 * The headers of a signed-in member's requests, for tests that fetch admin pages without a browser: the same
 * link flow (the form on the page the link opens, posted from our origin), the session cookie taken from the
 * answer.
 */
export async function signedInHeaders(request: APIRequestContext, email: string = workerAdmin()) {
  const link = new URL(await mailedSignInLink(request, email));
  const confirmed = await request.post('/sign-in/link', {
    form: { token: link.searchParams.get('token') ?? '', email: link.searchParams.get('email') ?? '' },
    headers: { origin: link.origin },
    maxRedirects: 0,
  });
  const cookie = confirmed
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === 'set-cookie')
    .map(({ value }) => value.split(';')[0])
    .join('; ');
  expect(cookie).toContain('session_token=');
  return { cookie };
}

/** The case studies as committed in content/work/, read with the yaml package, independently of the app. */
export const caseStudyFiles = slugsIn('work').map((slug) => {
  const markdown = markdownOf('work', slug);
  const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(markdown) ?? [];
  const fields = parseYaml(frontMatter) as {
    client: string;
    project: string;
    coops: string[];
    services?: string[];
    links?: string[];
  };
  return { slug, ...fields, services: fields.services ?? [], links: fields.links ?? [], body: body.trim() };
});

/** Names in the directory's order. */
export const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true });
export const memberNames = memberFiles.map((coop) => coop.name).sort(byName);

/** The names on the co-op cards in the main list, in the order shown. */
export function cardNames(page: Page) {
  return page.getByRole('main').getByRole('article').getByRole('heading', { level: 3 }).allTextContents();
}

/** The town pages: one per distinct town of a current member. */
export const townSlugs = [...new Set(memberFiles.flatMap((coop) => (coop.town ? [slugify(coop.town)] : [])))].sort();

/**
 * Every page the site should publish: home, one per Markdown page, the members directory with a page per co-op,
 * service, technology and member town an editor has committed, the index of services, and the case studies with a
 * page each.
 */
export const pagePaths = [
  '/',
  ...[
    ...slugsIn('pages').map((slug) => `/${slug}`),
    '/members',
    ...slugsIn('coops').map((slug) => `/co-op/${slug}`),
    '/service',
    ...slugsIn('services').map((slug) => `/service/${slug}`),
    ...slugsIn('technologies').map((slug) => `/technology/${slug}`),
    ...townSlugs.map((slug) => `/town/${slug}`),
    '/work',
    ...slugsIn('work').map((slug) => `/work/${slug}`),
  ].sort(),
];

/** axe-core against WCAG 2.2 AA (and the earlier levels it includes); any violation fails with its details. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) }))).toEqual(
    [],
  );
}

/**
 * Shows, in `page`, an answer the test fetched itself (a failed form post's page) as if the browser had posted the
 * form: from an address of the site, so the stylesheet it links loads, which axe needs to judge colours and sizes.
 */
export async function showAtSite(page: Page, answer: { status(): number; text(): Promise<string> }) {
  const body = await answer.text();
  await page.route('**/failed-post', (route) =>
    route.fulfill({ status: answer.status(), contentType: 'text/html; charset=utf-8', body }),
  );
  await page.goto('/failed-post');
}

/** Checks a response carries every security header, and returns its CSP's directives. */
export function expectHardened(response: { headers(): Record<string, string> }, what: string) {
  const headers = response.headers();
  expect(headers['x-powered-by'], what).toBeUndefined();
  expect(Number(/max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '')?.[1]), what).toBeGreaterThanOrEqual(
    31_536_000,
  );
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  const csp = headers['content-security-policy'] ?? '';
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('script-src'), what).toBeDefined();
  expect(directives.get('script-src'), what).not.toContain("'unsafe-inline'");
  expect(directives.get('script-src'), what).not.toContain("'unsafe-eval'");
  expect(directives.get('object-src'), what).toEqual(["'none'"]);
  expect(["'none'", "'self'"], what).toContain(directives.get('base-uri')?.join(' '));
  expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(directives.get('form-action'), what).toEqual(["'self'"]);
  return directives;
}

/** Reads a PNG's width and height from its IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature), 'PNG signature').toBe(true);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Playwright's test, with requests to other hosts aborted: the machines have no network, and no page needs it. */
export const test = base.extend({
  context: async ({ context, baseURL }, provide) => {
    const origin = new URL(baseURL ?? 'http://localhost').origin;
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort(),
    );
    await provide(context);
  },
});

export { expect };
