import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { slugify } from '@/lib/slug';
import { adminEmails } from '@/playwright.config';
import { signInMailsTo, nextSignInLink } from './mailbox';

const content = join(__dirname, '../content');

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

/** Opens a mailed link and presses the one button on the page it opens; the admin's first page follows. */
export async function confirmSignIn(page: Page, link: string, email: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: `Sign in as ${email}` }).click();
  await expect(page).toHaveURL(/\/admin\/enquiries$/);
}

/** Asks for a link on /sign-in as a person does and sees the answer; returns the link from the SMTP sink. */
export async function askOnSignInPage(page: Page, email: string): Promise<string> {
  const seen = signInMailsTo(email).length;
  await page.goto('/sign-in');
  await page.locator('form[action="/sign-in/request"]').getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
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

/** The slugs of the Markdown files in one content folder. */
function slugsIn(folder: string): string[] {
  return readdirSync(join(content, folder))
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.replace(/\.md$/, ''))
    .sort();
}

/** One plain scalar from a file's front matter (the tests read the few they check, independently of the app). */
function frontMatterValue(markdown: string, key: string): string | undefined {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? '';
  const value = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(frontMatter)?.[1]?.trim();
  return value ? value.replace(/^(["'])(.*)\1$/, '$2') : undefined;
}

/** The co-ops as committed in content/coops/, with the facts the e2e tests check the pages against. */
export const coopFiles = slugsIn('coops').map((slug) => {
  const markdown = readFileSync(join(content, 'coops', `${slug}.md`), 'utf8');
  const value = (key: string) => frontMatterValue(markdown, key);
  return {
    slug,
    name: value('name') ?? slug,
    member: value('member') === 'true',
    /** Where briefs forwarded to it go; none means the network's fallback address. */
    email: value('email'),
    town: value('town'),
    located: value('latitude') !== undefined && value('longitude') !== undefined,
    workerMembers: Number(value('workerMembers') ?? 0),
  };
});

export const memberFiles = coopFiles.filter((coop) => coop.member);

/** A name per slug of a content folder whose files have a `name` (co-ops, services, technologies). */
export function namesIn(folder: 'coops' | 'services' | 'technologies'): Map<string, string> {
  return new Map(
    slugsIn(folder).map((slug) => {
      const markdown = readFileSync(join(content, folder, `${slug}.md`), 'utf8');
      return [slug, frontMatterValue(markdown, 'name') ?? slug];
    }),
  );
}

/** The case studies as committed in content/work/, read with the yaml package, independently of the app. */
export const caseStudyFiles = slugsIn('work').map((slug) => {
  const markdown = readFileSync(join(content, 'work', `${slug}.md`), 'utf8');
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

/** Fills in the join form as an eligible co-op would, every field valid. */
export async function fillValidEnquiry(page: Page, coopName: string) {
  await page.getByLabel('Co-op name').fill(coopName);
  await page.getByLabel('Contact name').fill('Grace Hopper');
  await page.getByLabel('Email').fill('grace@example.coop');
  await page.getByLabel('Website (optional)').fill('https://example.coop/');
  await page.getByLabel('Location').fill('Sheffield');
  await page.getByLabel('Legal form').selectOption('co-operative-society');
  await page.getByLabel('Tell us about your co-op and the services you provide').fill('We make accessible websites.');
  for (const name of [
    /7 Co-operative Principles/,
    /owned and democratically run/,
    /tech\/digital services/,
    /the UK/,
    /I agree/,
  ]) {
    await page.getByLabel(name).check();
  }
}

/** Fills in the brief form as a client would, every field valid, ticking Hosting (and whatever is ticked already). */
export async function fillValidBrief(page: Page, organisation: string) {
  await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill(organisation);
  await page.getByLabel('Contact name').fill('Katherine Johnson');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('katherine@example.org');
  await page.getByLabel('What do you need?').fill('A booking system for our community hall.');
  await page.getByRole('group', { name: 'Services you need' }).getByLabel('Hosting', { exact: true }).check();
  await page.getByLabel('Technologies (optional)').fill('Drupal');
  await page.getByLabel('Budget').selectOption('5k-20k');
  await page.getByLabel('When do you need it?').selectOption('1-3-months');
  await page.getByLabel('Where are you?').fill('Sheffield');
  await page.getByLabel(/I agree/).check();
}

/**
 * On a brief's admin page, ticks the co-ops named and forwards the brief to them, as a member does, and waits for
 * the page to say so.
 */
export async function forwardTo(page: Page, names: readonly string[]) {
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Forward to co-ops' }) });
  for (const name of names) {
    await form
      .getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) })
      .check();
  }
  await form.getByRole('button', { name: 'Forward' }).click();
  await expect(form.getByRole('status')).toHaveText(
    `Forwarded to ${names.length === 1 ? '1 co-op' : `${names.length} co-ops`}.`,
  );
}

/**
 * Adds a co-op contact at /admin/people and links them to `coop`, as an admin signed in on `page` does, and waits for
 * the page to show the link.
 */
export async function addLinkedContact(page: Page, name: string, email: string, coop: { slug: string; name: string }) {
  await page.goto('/admin/people');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email address').fill(email);
  // Choosing the co-op is enough: the role is "contact" unless another is chosen.
  await page.getByLabel('Their co-op (optional)').selectOption(coop.slug);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Added: ${name} can sign in now, and an invitation saying how is on its way to ${email}.`,
  );
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Contact');
  await expect(row.getByRole('button', { name: `Unlink ${name} from ${coop.name}` })).toBeVisible();
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
