import { colors } from '@/lib/theme';
import { validEnquiry } from '@/test/enquiry-data';
import {
  expect,
  expectNoAxeViolations,
  fillValidEnquiry,
  memberFiles,
  namesIn,
  pngSize,
  showAtSite,
  signIn,
  test,
} from './site';

// What issue 32 asked of the site's look and its dead ends: the mark in the header and the icons, the co-ops'
// monograms, og:site_name everywhere, the index of services, the footer's sign-in, the invitation on an empty co-op
// page, and the site's own layout on the pages a failed form post or a refused request shows.

const paper = 'rgb(251, 250, 247)';
expect(colors.paper).toBe('#fbfaf7');

test('the header shows the mark and wordmark, and the icons are the mark', async ({ page, request }) => {
  await page.goto('/');
  const home = page.getByRole('banner').getByRole('link', { name: 'CoTech – Co-operative Technologists' });
  const logo = home.locator('svg');
  await expect(logo).toBeVisible();
  await expect(logo).toHaveAttribute('aria-hidden', 'true');
  // The tile in the brand's red, the ring's three arcs and the wordmark's strokes.
  await expect(logo.locator('rect')).toHaveAttribute('fill', colors.brand.DEFAULT);
  expect(await logo.locator('path').count()).toBeGreaterThan(3);

  const icon = await request.get((await page.locator('link[rel="icon"]').getAttribute('href')) ?? '');
  expect(icon.headers()['content-type']).toBe('image/svg+xml');
  expect(await icon.text()).toContain(`fill="${colors.brand.DEFAULT}"`);
  const apple = await request.get((await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')) ?? '');
  expect(apple.headers()['content-type']).toBe('image/png');
  expect(pngSize(await apple.body())).toEqual({ width: 180, height: 180 });
});

test('pages outside the sitemap have og:site_name too', async ({ page }) => {
  for (const path of ['/sign-in', '/join/thanks', '/hire/thanks', '/refused/413']) {
    await page.goto(path);
    await expect(page.locator('head meta[property="og:site_name"]'), path).toHaveAttribute(
      'content',
      'Co-operative Technologists',
    );
  }
  await signIn(page);
  await page.goto('/admin/people');
  await expect(page.locator('head meta[property="og:site_name"]')).toHaveAttribute(
    'content',
    'Co-operative Technologists',
  );
});

test('/service lists every service with how many co-ops offer it, and the site leads there', async ({ page }) => {
  const response = await page.goto('/service');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services');
  const services = namesIn('services');
  const items = page.getByRole('main').getByRole('listitem');
  await expect(items).toHaveCount(services.size);
  const hosting = items.filter({ has: page.getByRole('link', { name: 'Hosting', exact: true }) });
  await expect(hosting).toHaveText(/^Hosting \d+ member co-ops?$/);
  await hosting.getByRole('link').click();
  await expect(page).toHaveURL(/\/service\/hosting$/);
  await page.getByRole('link', { name: 'All services' }).click();
  await expect(page).toHaveURL(/\/service$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('the footer leads members and co-ops to sign in', async ({ page }) => {
  await page.goto('/members');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
});

test.describe('a co-op without a logo or a description', () => {
  const coop = memberFiles[0];
  if (!coop) throw new Error('the content needs a member co-op');

  test('shows its monogram, invites its people to sign in, and has no empty section', async ({ page }) => {
    await page.goto(`/co-op/${coop.slug}`);
    const header = page.getByRole('article').locator('header');
    const monogram = header.locator('svg[aria-hidden="true"]');
    await expect(monogram.locator('text')).toHaveText(/^[A-Z0-9]{1,3}$/);
    // Its own colour, dark enough for its white initials (lib/coops/monogram.ts holds it to 4.5:1).
    await expect(monogram.locator('rect')).toHaveAttribute('fill', /^#[0-9a-f]{6}$/);
    const invitation = page.getByRole('link', { name: 'Sign in to add a description and logo' });
    await expect(invitation).toHaveAttribute('href', '/sign-in');
    await expect(page.getByText('Is this your co-op?')).toBeVisible();
    // Every section heading has something under it.
    for (const section of await page.getByRole('article').locator('section').all()) {
      await expect(section.locator('li')).not.toHaveCount(0);
    }
    await expectNoAxeViolations(page);
  });

  test('shows the same monogram on its card in the directory', async ({ page }) => {
    await page.goto(`/co-op/${coop.slug}`);
    const colour = await page.getByRole('article').locator('header svg rect').getAttribute('fill');
    await page.goto('/members');
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: coop.name, exact: true }) });
    await expect(card.locator('svg rect')).toHaveAttribute('fill', colour ?? '');
  });
});

test('the About page loads nothing from another site', async ({ page, baseURL }) => {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL ?? '')) elsewhere.push(request.url());
  });
  await page.goto('/about');
  await page.waitForLoadState('load');
  expect(elsewhere).toEqual([]);
});

test.describe('without JavaScript, the answers to a failed post are in the site’s layout', () => {
  test.use({ javaScriptEnabled: false });

  test('a form with errors: the stylesheet, the header and the footer', async ({ page }) => {
    await page.goto('/join');
    await fillValidEnquiry(page, 'Styled Co-op');
    await page.getByLabel('Email').fill('styled@');
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/join'));
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    expect((await answer).status()).toBe(422);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Please check your enquiry');
    await expect(page.locator('html')).toHaveCSS('background-color', paper);
    await expect(page.getByRole('banner').locator('svg rect')).toHaveAttribute('fill', colors.brand.DEFAULT);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' })).toBeVisible();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('a form too large to send: a 413 page in the layout, from npm start’s server', async ({ page }) => {
    await page.goto('/join');
    await fillValidEnquiry(page, 'Verbose Co-op');
    // More than the 32 KiB an enquiry may send; the form sets no length, so the browser sends it all.
    await page.getByLabel('Tell us about your co-op and the services you provide').fill('co-op '.repeat(6_000));
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/join'));
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    const response = await answer;
    expect(response.status()).toBe(413);
    expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('no-store');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('That was too much to send');
    await expect(page.locator('html')).toHaveCSS('background-color', paper);
    await expect(page.getByRole('banner').getByRole('link', { name: /CoTech/ })).toHaveAttribute('href', '/');
  });
});

test('the refusal pages are valid for axe, and not for search engines', async ({ page }) => {
  for (const status of [400, 411, 413, 414]) {
    await page.goto(`/refused/${status}`);
    await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expectNoAxeViolations(page);
  }
});

test('the page a failed post shows passes axe with its stylesheet', async ({ page, request }) => {
  const answer = await request.post('/api/join', {
    form: { ...validEnquiry, coopName: 'Axe Styled Co-op', email: 'nope' },
    headers: { accept: 'text/html' },
  });
  expect(answer.status()).toBe(422);
  await showAtSite(page, answer);
  await expect(page.locator('html')).toHaveCSS('background-color', paper);
  await expectNoAxeViolations(page);
});
