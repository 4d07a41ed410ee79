import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures, fixtures, readGenerated, removeBuild, type ContentBuild } from '@/test/content-build';

// The real `contentlayer2 build` on the fixture trees of test/fixtures/content/: the valid tree must build into what
// the pages read, and each folder of fields/ adds a file whose front matter its document type refuses. One build
// per tree, every refused file in one: Contentlayer reports every document's problems before it stops. (The checks
// across documents and files, lib/content/checks.ts, have their own test beside them.)

let valid: ContentBuild | undefined;
let refused: ContentBuild | undefined;

beforeAll(async () => {
  const fieldCases = await readdir(join(fixtures, 'fields'));
  [valid, refused] = await Promise.all([
    buildFixtures(['valid']),
    buildFixtures(['valid', ...fieldCases.map((name) => join('fields', name))]),
  ]);
});

afterAll(() => Promise.all([removeBuild(valid), removeBuild(refused)]));

const byFile = <D extends { _raw: { sourceFilePath: string } }>(documents: D[], file: string) =>
  documents.find((document) => document._raw.sourceFilePath === file);

describe('the content build on a valid tree', () => {
  it('succeeds: a redirect may lead to a page the same build adds (a town)', () => {
    expect(valid?.output).not.toMatch(/Error/);
    expect(valid?.ok).toBe(true);
  });

  it('publishes a Markdown page with no code change, its placeholders filled', async () => {
    const { pages } = await readGenerated(valid!);
    const page = byFile(pages, 'pages/about.md');
    expect(page).toMatchObject({ slug: 'about', url: '/about', displayHeading: 'About' });
    expect(page?.body.html).toContain('https://community.coops.tech/');
  });

  it('publishes a co-op, its services and technologies, each from one Markdown file', async () => {
    const { coops, services, technologies } = await readGenerated(valid!);
    const coop = byFile(coops, 'coops/acme.md');
    expect(coop).toMatchObject({
      slug: 'acme',
      url: '/co-op/acme',
      name: 'Acme Co-op',
      member: true,
      email: 'hello@acme.example',
      showEmail: true,
      town: 'Leeds',
      workerMembers: 4,
      services: ['hosting'],
      technologies: ['php'],
      logo: '/images/coops/acme.svg',
    });
    expect(coop?.body.html).toBe('<p>We host websites.</p>');
    // A PNG logo as well as an SVG one.
    expect(byFile(coops, 'coops/beta.md')).toMatchObject({ logo: '/images/coops/beta.png' });
    expect(byFile(services, 'services/hosting.md')).toMatchObject({ url: '/service/hosting' });
    expect(byFile(technologies, 'technologies/php.md')).toMatchObject({ url: '/technology/php' });
  });

  it('publishes a case study with an image from public/', async () => {
    const { caseStudies } = await readGenerated(valid!);
    expect(byFile(caseStudies, 'work/a-project.md')).toMatchObject({
      slug: 'a-project',
      url: '/work/a-project',
      client: 'A Client',
      project: 'A Project',
      coops: ['acme'],
      services: ['hosting'],
      links: ['https://example.org/'],
      image: { src: '/images/work/a-project.png', alt: 'The project', width: 12, height: 8 },
    });
  });
});

describe('the content build on a file its document type refuses', () => {
  it('fails', () => {
    expect(refused?.ok).toBe(false);
  });

  // Contentlayer draws its report as a tree: a file's fields follow it on lines of their own, after a `│`.
  it('names the file and the field when a required field is missing', () => {
    const missing = (file: string, type: string, field: string) =>
      new RegExp(`"${file}" \\(of type "${type}"\\) is missing the following required fields:[\\s│]*• ${field}:`);
    expect(refused?.output).toMatch(missing('pages/no-title.md', 'Page', 'title'));
    expect(refused?.output).toMatch(missing('coops/no-member.md', 'Coop', 'member'));
    expect(refused?.output).toMatch(missing('work/no-client.md', 'CaseStudy', 'client'));
    expect(refused?.output).toMatch(missing('services/no-group.md', 'Service', 'group'));
  });

  it('names the file and the field when a date is not a date', () => {
    expect(refused?.output).toMatch(
      /"pages\/bad-date.md" of type "Page" has the following incompatible fields:[\s│]*• date: "next Tuesday"/,
    );
  });

  it('names the file when a placeholder is unknown', () => {
    expect(refused?.output).toContain('pages/unknown-placeholder.md: unknown placeholder {{ site.froum }}');
  });
});
