import { cmsBackendPort, cmsGitlab } from '@/playwright.config';
import { expect, test } from './site';

// The production build's CMS: configured for GitLab from the environment, with a policy allowing that host and no
// other, and no trace of the local backend, although the test server's environment names its port.

const directives = (policy: string) =>
  new Map(policy.split(/;\s*/).map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

test('/cms is configured for GitLab alone, and connects to that host and no other', async ({ request }) => {
  const response = await request.get('/cms');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['x-robots-tag']).toBe('noindex');
  const policy = directives(headers['content-security-policy'] ?? '');
  // blob: is the page's own uploads, read back to be saved: no host.
  expect(policy.get('connect-src')).toEqual(["'self'", cmsGitlab.url, 'blob:']);
  expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-eval'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);

  const html = await response.text();
  const json = /<script type="application\/json" id="cms-config">([^<]*)<\/script>/.exec(html)?.[1];
  const config = JSON.parse(json ?? 'null') as { backend: Record<string, string>; local_backend?: unknown };
  expect(config.backend).toEqual({
    name: 'gitlab',
    repo: cmsGitlab.repo,
    branch: 'main',
    auth_type: 'pkce',
    app_id: cmsGitlab.appId,
    base_url: cmsGitlab.url,
    api_root: `${cmsGitlab.url}/api/v4`,
    auth_endpoint: 'oauth/authorize',
  });
  expect(config).toHaveProperty('publish_mode', 'editorial_workflow');
  expect(config).not.toHaveProperty('local_backend');
  expect(html).not.toMatch(new RegExp(`:${cmsBackendPort}|proxy_url|"proxy"|local_backend`));
});

test('/cms shows the GitLab sign-in with its scripts from the site itself', async ({ page }) => {
  const errors: string[] = [];
  const hosts = new Set<string>();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => hosts.add(new URL(request.url()).origin));
  await page.goto('/cms');
  await expect(page.getByRole('button', { name: 'Login with GitLab' })).toBeVisible();
  expect(errors).toEqual([]);
  expect([...hosts]).toEqual([new URL(page.url()).origin]);
});

test('/cms is kept out of search engines and the sitemap', async ({ request }) => {
  expect(await (await request.get('/robots.txt')).text()).toMatch(/^Disallow: \/cms$/m);
  expect(await (await request.get('/sitemap.xml')).text()).not.toContain('/cms');
});
