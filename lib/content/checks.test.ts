import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentProblems } from './checks';
import { describeProblem, type ContentProblem } from './problem';
import { readRedirects } from './redirects';
import {
  buildFixtures,
  documentsOf,
  fixtures,
  markdownFilesOf,
  readGenerated,
  removeBuild,
  type ContentBuild,
  type GeneratedDocuments,
} from '@/test/content-build';

// Each folder of test/fixtures/content/checks/ is the valid tree's one broken file (and the file it names under
// public/, if any) for one check of lib/content/checks.ts, and here is what the check must say about it. The real
// content build runs once, on the valid tree with every case laid over it, and must fail naming each; then the
// check function runs on each case's generated documents alone, which must fail for that case's reason and no other.
const cases: Record<string, ContentProblem[]> = {
  'file-name': [
    {
      file: 'content/coops/Acme Co-op.md',
      field: 'slug',
      message:
        'file name "Acme Co-op.md" is not a slug, the last part of the page\'s address: use lower-case letters, ' +
        'digits, - and _, starting with a letter or digit',
    },
  ],
  'coop-unknown-service': [
    {
      file: 'content/coops/unknown-service.md',
      field: 'services',
      message: 'unknown service "hostnig" in services (no content/services/hostnig.md)',
    },
  ],
  'coop-unknown-technology': [
    {
      file: 'content/coops/unknown-technology.md',
      field: 'technologies',
      message: 'unknown technology "pyhton" in technologies (no content/technologies/pyhton.md)',
    },
  ],
  'coop-email': [
    { file: 'content/coops/bad-email.md', field: 'email', message: 'email "hello at acme" is not an email address' },
  ],
  'coop-show-email': [
    { file: 'content/coops/show-email.md', field: 'showEmail', message: 'showEmail is true, but there is no email' },
  ],
  'logo-no-file': [
    {
      file: 'content/coops/logo-no-file.md',
      field: 'logo',
      message: 'logo "/images/coops/logo-no-file.svg" has no file (no public/images/coops/logo-no-file.svg)',
    },
  ],
  'logo-not-svg-or-png': [
    {
      file: 'content/coops/logo-jpeg.md',
      field: 'logo',
      message:
        'logo "/images/coops/logo-jpeg.jpg" is not an .svg or .png file in /images/coops/ (a path such as ' +
        '/images/coops/name.svg; in the file name use letters, digits and - _ .)',
    },
  ],
  'logo-no-size': [
    {
      file: 'content/coops/logo-no-size.md',
      field: 'logo',
      message:
        'logo "/images/coops/logo-no-size.svg" has no readable size: give its <svg> element a viewBox, or a width ' +
        'and height in pixels',
    },
  ],
  'logo-script': [
    {
      file: 'content/coops/logo-script.md',
      field: 'logo',
      message: 'logo "/images/coops/logo-script.svg" has a <script> element (line 2)',
    },
  ],
  'service-unknown-group': [
    {
      file: 'content/services/unknown-group.md',
      field: 'group',
      message: 'unknown group "printng" (the groups are build, design, data, hosting, strategy, marketing, print)',
    },
  ],
  'case-study-unknown-coop': [
    {
      file: 'content/work/unknown-coop.md',
      field: 'coops',
      message: 'unknown co-op "acmee" in coops (no content/coops/acmee.md)',
    },
  ],
  'case-study-unknown-service': [
    {
      file: 'content/work/unknown-service.md',
      field: 'services',
      message: 'unknown service "hostnig" in services (no content/services/hostnig.md)',
    },
  ],
  'case-study-no-coop': [
    {
      file: 'content/work/no-coop.md',
      field: 'coops',
      message: 'lists no co-op (coops needs the slug of at least one file in content/coops/)',
    },
  ],
  'case-study-link': [
    { file: 'content/work/bad-link.md', field: 'links', message: 'link "example.org" in links is not an http(s) URL' },
  ],
  'case-study-image': [
    {
      file: 'content/work/image-no-file.md',
      field: 'image',
      message: 'image "/images/work/image-no-file.png" has no file (no public/images/work/image-no-file.png)',
    },
  ],
  redirects: [
    {
      file: 'content/redirects.yml',
      line: 2,
      field: 'to',
      message: 'redirect from "/shop.html": to "/shop" is not a page of the site',
    },
    {
      file: 'content/redirects.yml',
      line: 4,
      field: 'from',
      message:
        'redirect from "/about": from would hide a page of the site (/about); a redirect is for an address with no page',
    },
  ],
  'redirects-yaml': [
    {
      file: 'content/redirects.yml',
      line: 3,
      field: 'redirects',
      // The yaml package's own words, whatever its version says.
      message: expect.any(String),
    },
  ],
};

// content/redirects.yml is one file: the build's tree can hold one broken version of it, and a file that does not
// parse has no entries to check. So the build takes `redirects`; `redirects-yaml` is checked by the function alone.
const notInTheBuild = new Set(['redirects-yaml']);

const checkFolder = (name: string) => join('checks', name);

let build: ContentBuild | undefined;
let generated: GeneratedDocuments;

beforeAll(async () => {
  const inTheBuild = Object.keys(cases).filter((name) => !notInTheBuild.has(name));
  build = await buildFixtures(['valid', ...inTheBuild.map(checkFolder)]);
  generated = await readGenerated(build);
});

afterAll(() => removeBuild(build));

describe('the content checks', () => {
  it('have one case here for each fixture folder, and a broken file in each', async () => {
    expect(Object.keys(cases).sort()).toEqual((await readdir(join(fixtures, 'checks'))).sort());
  });

  it('fail the real content build, naming the file and the field of every broken file', () => {
    expect(build?.ok).toBe(false);
    for (const [name, problems] of Object.entries(cases)) {
      if (notInTheBuild.has(name)) continue;
      for (const problem of problems) expect(build?.output, name).toContain(describeProblem(problem));
    }
    // The check that a merge once dropped, by name.
    expect(build?.output).toContain('content/coops/bad-email.md: email "hello at acme" is not an email address');
  });

  it('find nothing wrong with the valid tree', async () => {
    const documents = documentsOf(generated, await markdownFilesOf('valid'));
    expect(documents.coops.length).toBeGreaterThan(0);
    const problems = contentProblems(documents, {
      publicDir: join(fixtures, 'valid/public'),
      redirects: readRedirects(join(fixtures, 'valid')),
    });
    expect(problems).toEqual([]);
  });

  it.each(Object.entries(cases))(
    'refuse %s for its own reason, naming the file and the field',
    async (name, expected) => {
      const files = new Set([...(await markdownFilesOf('valid')), ...(await markdownFilesOf(checkFolder(name)))]);
      // The case's own redirects, when it has them; otherwise the valid tree's.
      const redirectsRoot = name.startsWith('redirects') ? join(fixtures, checkFolder(name)) : join(fixtures, 'valid');
      const problems = contentProblems(documentsOf(generated, files), {
        publicDir: join(build?.dir ?? '', 'public'),
        redirects: readRedirects(redirectsRoot),
      });
      expect(problems).toEqual(expected);
    },
  );
});

describe('the content notices', () => {
  let noticed: ContentBuild | undefined;
  afterAll(() => removeBuild(noticed));

  it('name each image on another site that a page leaves out, and the build goes on', async () => {
    noticed = await buildFixtures(['valid', 'notices/remote-image']);
    expect(noticed.ok).toBe(true);
    expect(noticed.output).toContain(
      'content/pages/photos.md: the image https://photos.example.org/hall.png is on another site, so the page leaves ' +
        'it out (images are served from this site): to show it, put the file under public/ and give its path',
    );
    const page = (await readGenerated(noticed)).pages.find((doc) => doc._raw.sourceFilePath === 'pages/photos.md');
    expect(page?.body.html).not.toContain('photos.example.org');
    expect(page?.body.html).toContain('<img src="/images/team.png" alt="The team">');
  });
});
