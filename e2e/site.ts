import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../lib/slug';
import { adminPassword } from '../playwright.config';

const content = join(__dirname, '../content');

/** The Authorization header of a signed-in member, for the admin pages. */
export const adminAuthorization = {
  authorization: `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}`,
};

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
    town: value('town'),
    located: value('latitude') !== undefined && value('longitude') !== undefined,
    workerMembers: Number(value('workerMembers') ?? 0),
  };
});

export const memberFiles = coopFiles.filter((coop) => coop.member);

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
 * service, technology and member town an editor has committed, and the case studies with a page each.
 */
export const pagePaths = [
  '/',
  ...[
    ...slugsIn('pages').map((slug) => `/${slug}`),
    '/members',
    ...slugsIn('coops').map((slug) => `/co-op/${slug}`),
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
