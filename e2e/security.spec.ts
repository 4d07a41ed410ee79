import { validBrief, validEnquiry } from '@/test/enquiry-data';
import { expect, expectHardened, signIn, signedInHeaders, test } from './site';
import type { Page } from '@playwright/test';

test('every kind of response carries the security headers', async ({ request }) => {
  // Prerendered pages have no inline script left (scripts/strip-runtime.ts): only script files of the site's own.
  expect(expectHardened(await request.get('/about'), 'page').get('script-src')).toEqual(["'self'"]);
  expectHardened(await request.get('/no-such-page'), '404');
  expectHardened(await request.get('/api/join'), 'API 405');
  expectHardened(await request.post('/api/join', { data: {} }), 'API 422');
  expectHardened(await request.get('/about/opengraph-image/card'), 'image');
  expectHardened(await request.get('/sitemap.xml'), 'sitemap');
  expectHardened(
    await request.post('/api/join', { form: { coopName: 'x' }, headers: { accept: 'text/html' } }),
    'form error page',
  );
  const signInPage = await request.get('/sign-in');
  expect(signInPage.status()).toBe(200);
  expect(expectHardened(signInPage, 'sign-in').get('script-src')).toContain("'strict-dynamic'");
  expect(signInPage.headers()['cache-control']).toBe('no-store');
  expect(signInPage.headers()['x-robots-tag']).toBe('noindex');
  expect(signInPage.headers()['cross-origin-opener-policy']).toBe('same-origin');
  const adminPage = await request.get('/admin/enquiries', { headers: await signedInHeaders(request) });
  expect(adminPage.status()).toBe(200);
  const adminScripts = expectHardened(adminPage, 'admin').get('script-src') ?? [];
  expect(adminScripts).toContain("'strict-dynamic'");
  expect(adminScripts.some((source) => source.startsWith("'nonce-"))).toBe(true);
  expect(adminPage.headers()['cross-origin-opener-policy']).toBe('same-origin');
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await adminPage.text())?.[1];
  expectHardened(await request.get(chunk ?? ''), 'script file');
  const ownScript = /src="(\/scripts\/[^"]+\.js)"/.exec(await (await request.get('/join')).text())?.[1];
  expectHardened(await request.get(ownScript ?? ''), "a page's own script");
});

// How each page shows that its scripts ran: the public pages' own scripts, or the admin's React runtime.
const live: Record<string, (page: Page) => Promise<void>> = {
  '/members': (page) => expect(page.getByRole('search', { name: 'Filter member co-ops' })).toBeVisible(),
  '/join': async (page) => {
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    // The form's script shows the error summary (role alert) as a failed post without JavaScript does.
    await expect(page.getByRole('alert')).toContainText('Your enquiry was not sent');
  },
  '/admin/enquiries': (page) =>
    expect.poll(() => page.evaluate(() => typeof (window as Window & { next?: unknown }).next)).toBe('object'),
  '/sign-in': (page) =>
    expect.poll(() => page.evaluate(() => typeof (window as Window & { next?: unknown }).next)).toBe('object'),
};

for (const path of ['/', '/about', '/join', '/members', '/no-such-page', '/sign-in', '/admin/enquiries']) {
  test(`${path} runs its scripts with no CSP violation`, async ({ page }) => {
    if (path.startsWith('/admin')) await signIn(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as Window & { cspViolations?: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(path);
    await live[path]?.(page);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as Window & { cspViolations?: string[] }).cspViolations)).toEqual([]);
    expect(violations).toEqual([]);
  });
}

test('a forged session cookie learns nothing from an enquiry page: a brief, a join enquiry and no enquiry alike', async ({
  request,
}) => {
  const join = await request.post('/api/join', { data: { ...validEnquiry, coopName: 'Forged Cookie Co-op' } });
  const brief = await request.post('/api/briefs', { data: validBrief });
  expect([join.status(), brief.status()]).toEqual([201, 201]);
  const ids = [((await join.json()) as { id: string }).id, ((await brief.json()) as { id: string }).id];
  const forged = { cookie: 'better-auth.session_token=made-up.signature' };
  const answers = [];
  for (const id of [...ids, crypto.randomUUID()]) {
    const response = await request.get(`/admin/enquiries/${id}`, { headers: forged, maxRedirects: 0 });
    // Each answer has its own nonce and names the id it was asked for; nothing else may differ.
    const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? 'no nonce';
    const body = (await response.text()).replaceAll(id, 'ID').replaceAll(nonce, 'NONCE');
    answers.push({ status: response.status(), location: response.headers().location, body });
  }
  expect(answers[0]?.status).toBe(307);
  expect(answers[0]?.location).toBe('/sign-in');
  expect(answers[0]?.body).not.toMatch(/<title>/);
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
});
