import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
// Playwright's own test, not ./site's, which aborts requests to other origins: the CMS talks to its local backend
// on a port of its own.
import { expect, test, type Page } from '@playwright/test';
import { cmsBackendPort } from '@/playwright.config';

// The CMS under `next dev`, as an editor runs it with `npm run dev`: its local backend (scripts/cms-local-backend.mjs)
// writes the files of a temporary copy of the project, which the content build then reads, as it would the commit.

const root = resolve(__dirname, '..');
let dir: string;
let backend: ChildProcess;
// One editor's session for all the tests, as an editor works: one sign-in, then the CMS's own navigation. (It also
// spares `next dev` from compiling /cms again under load.)
let page: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }, testInfo) => {
  dir = await mkdtemp(join(tmpdir(), 'cotech-cms-'));
  for (const path of ['content', 'lib', 'contentlayer.config.ts', 'package.json', 'tsconfig.json']) {
    await cp(join(root, path), join(dir, path), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  await mkdir(join(dir, 'public/images/coops'), { recursive: true });
  backend = spawn(
    process.execPath,
    ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', join(root, 'scripts/cms-local-backend.mjs')],
    {
      env: { ...process.env, CMS_LOCAL_BACKEND_PORT: String(cmsBackendPort), CMS_LOCAL_REPO: dir },
      stdio: 'inherit',
    },
  );
  await expect
    .poll(
      async () => {
        const info = await fetch(`http://localhost:${cmsBackendPort}/api/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'info' }),
        }).catch(() => undefined);
        return info?.status;
      },
      { timeout: 20_000 },
    )
    .toBe(200);
  page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  // Leaving an entry with unsaved changes (the refused one) asks first; the editor leaves. The navigation that
  // asked may already have gone on by the time the answer arrives, and then there is no dialog left to accept.
  page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
  await page.goto('/cms');
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('link', { name: 'Pages' })).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
  // Gone before the next run's backend takes its port (`--repeat-each` runs these again in the same worker).
  const exited = new Promise((resolve) => backend.once('exit', resolve));
  if (backend.exitCode === null && backend.kill()) await exited;
  await rm(dir, { recursive: true, force: true });
});

const file = (path: string) => readFile(join(dir, 'content', path), 'utf8');

/** A small logo the build accepts: an SVG that sizes itself and does nothing else. */
const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40">\n' +
  '  <rect width="120" height="40" rx="6" fill="#2a6041"/>\n</svg>\n';

/**
 * Opens an entry in a fresh load of the CMS, signed in still: going from one entry's form straight to another's,
 * Decap can keep parts of the last form.
 */
async function open(hash: string) {
  await page.goto(`/cms${hash}`);
  await page.reload();
}

async function publish() {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Publish now').click();
}

test('an edited heading changes that line of the file and no other', async () => {
  const before = await file('pages/about.md');
  await open('#/collections/pages/entries/about');
  const heading = page.getByLabel(/^Heading/);
  await expect(heading).toHaveValue('About CoTech');
  await heading.fill('About the network');
  await publish();
  // The local backend truncates the file and then writes it: wait for the expected text itself, not for any change,
  // which the empty file in between would satisfy.
  const expected = before.replace('\nheading: About CoTech\n', '\nheading: About the network\n');
  expect(expected).not.toBe(before);
  await expect
    .poll(() => file('pages/about.md'), { message: 'pages/about.md with only its heading changed' })
    .toBe(expected);
});

test('an unknown placeholder stops the save, as it would the build', async () => {
  await open('#/collections/pages/new');
  await page.getByLabel(/^Title/).fill('Events');
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('Ask on {{ site.forums }}.');
  await publish();
  await expect(page.getByText(/didn't match the pattern: only these placeholders are filled in/i)).toBeVisible();
  await expect(readFile(join(dir, 'content/pages/events.md'))).rejects.toThrow(/ENOENT/);
});

test('a new co-op with two services from the relation widget and an uploaded logo passes the content build', async () => {
  await open('#/collections/coops/new');
  await page.getByLabel(/^Name/).fill('Code Co-op');
  const services = page.getByLabel(/^Services/);
  for (const [typed, service] of [
    ['Host', 'Hosting'],
    ['Web D', 'Web Design'],
  ] as const) {
    await services.fill(typed);
    await page.getByText(service, { exact: true }).click();
  }
  // The logo as an editor has it on their computer; the CMS names the upload in lower case, spaces as hyphens.
  const upload = test.info().outputPath('Code Co-op logo.svg');
  await writeFile(upload, logo);
  await page.getByRole('button', { name: 'Choose an image' }).click();
  await page.locator('input[type="file"]').setInputFiles(upload);
  await page.getByRole('button', { name: 'Choose selected' }).click();
  await publish();
  await expect
    .poll(() => file('coops/code-co-op.md').catch(() => ''))
    .toBe(
      '---\nname: Code Co-op\nmember: true\nservices:\n  - hosting\n  - web-design\n' +
        'logo: /images/coops/code-co-op-logo.svg\n---\n',
    );
  // Saved with the entry, in the folder the build reads logos from, byte for byte.
  // The backend writes each file by truncating it first, and the logo may come after the entry: wait for its bytes.
  await expect
    .poll(() => readFile(join(dir, 'public/images/coops/code-co-op-logo.svg'), 'utf8').catch(() => ''))
    .toBe(logo);

  // Contentlayer takes its working directory from PWD before process.cwd().
  const build = await promisify(execFile)(join(root, 'node_modules/.bin/contentlayer2'), ['build'], {
    cwd: dir,
    env: { ...process.env, PWD: dir },
  });
  // The build's own checks run on the copy as they would on the commit, the logo's among them (lib/content/logo.ts,
  // from contentlayer.config.ts's onSuccess, reading public/ under the working directory): a logo it refused would
  // fail the build, naming the co-op.
  expect(build.stdout + build.stderr).toMatch(/Generated \d+ documents/);
  const coop = JSON.parse(await readFile(join(dir, '.contentlayer/generated/Coop/coops__code-co-op.md.json'), 'utf8'));
  expect(coop).toMatchObject({
    name: 'Code Co-op',
    member: true,
    services: ['hosting', 'web-design'],
    logo: '/images/coops/code-co-op-logo.svg',
  });
});
