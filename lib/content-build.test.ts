import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { solidPng } from '@/test/images';

const run = promisify(execFile);
const root = resolve(__dirname, '..');
let dir: string;

/** Runs the real `contentlayer2 build` over a copy of the project's content config with one extra page. */
async function buildWith(name: string, markdown: string) {
  return buildWithFile(`pages/${name}`, markdown);
}

/** The same with one extra file anywhere under content/, such as a co-op. */
async function buildWithFile(path: string, markdown: string) {
  await writeFile(join(dir, 'content', path), markdown);
  try {
    // Contentlayer takes its working directory from PWD before process.cwd().
    const options = { cwd: dir, env: { ...process.env, PWD: dir } };
    const { stdout, stderr } = await run(join(root, 'node_modules/.bin/contentlayer2'), ['build'], options);
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: stdout + stderr };
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cotech-content-'));
  await cp(join(root, 'content'), join(dir, 'content'), { recursive: true });
  await cp(join(root, 'lib'), join(dir, 'lib'), { recursive: true });
  await cp(join(root, 'contentlayer.config.ts'), join(dir, 'contentlayer.config.ts'));
  await cp(join(root, 'package.json'), join(dir, 'package.json'));
  // For the `@/` paths of lib/'s modules.
  await cp(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the content build', () => {
  it('publishes a new Markdown page with no code change', async () => {
    const result = await buildWith('events.md', '---\ntitle: Events\n---\nMeet us at {{ site.forum }}.\n');
    expect(result.ok).toBe(true);
    const page = JSON.parse(await readFile(join(dir, '.contentlayer/generated/Page/pages__events.md.json'), 'utf8'));
    expect(page).toMatchObject({ slug: 'events', url: '/events', displayHeading: 'Events' });
    expect(page.body.html).toContain('https://community.coops.tech/');
  });

  it('fails naming the file and the field when the title is missing', async () => {
    const result = await buildWith('broken.md', '---\nheading: No title\n---\nText\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('pages/broken.md');
    expect(result.output).toMatch(/missing the following required fields:\s*• title/);
  });

  it('fails naming the file and the field when the date is not a date', async () => {
    const result = await buildWith('dated.md', '---\ntitle: Dated\ndate: next Tuesday\n---\nText\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('pages/dated.md');
    expect(result.output).toMatch(/incompatible fields:\s*• date: "next Tuesday"/);
  });

  it('fails naming the file when a placeholder is unknown', async () => {
    const result = await buildWith('typo.md', '---\ntitle: Typo\n---\nSee {{ site.froum }}\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('pages/typo.md: unknown placeholder {{ site.froum }}');
  });
});

describe('the members content', () => {
  const readGenerated = async (path: string) =>
    JSON.parse(await readFile(join(dir, '.contentlayer/generated', path), 'utf8'));

  it('publishes a co-op an editor commits as one Markdown file', async () => {
    const result = await buildWithFile(
      'coops/new-coop.md',
      '---\nname: New Co-op\nmember: true\ntown: Leeds\nlatitude: 53.8\nlongitude: -1.55\nworkerMembers: 4\nservices:\n  - hosting\ntechnologies: [php]\n---\nWe host websites.\n',
    );
    expect(result.ok).toBe(true);
    const coop = await readGenerated('Coop/coops__new-coop.md.json');
    expect(coop).toMatchObject({
      slug: 'new-coop',
      url: '/co-op/new-coop',
      name: 'New Co-op',
      member: true,
      town: 'Leeds',
      workerMembers: 4,
      services: ['hosting'],
      technologies: ['php'],
    });
    expect(coop.body.html).toBe('<p>We host websites.</p>');
    expect(await readGenerated('Service/services__hosting.md.json')).toMatchObject({ url: '/service/hosting' });
    expect(await readGenerated('Technology/technologies__php.md.json')).toMatchObject({ url: '/technology/php' });
  });

  it('fails naming the file when a co-op lists a service that does not exist', async () => {
    const result = await buildWithFile('coops/typo.md', '---\nname: Typo\nmember: true\nservices: [hostnig]\n---\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/coops/typo.md: unknown service "hostnig"');
  });

  it('fails naming the file when a co-op lists a technology that does not exist', async () => {
    const result = await buildWithFile('coops/typo.md', '---\nname: Typo\nmember: true\ntechnologies: [pyhton]\n---\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/coops/typo.md: unknown technology "pyhton"');
  });

  it('fails naming the file when a co-op does not say whether it is a member', async () => {
    const result = await buildWithFile('coops/unsure.md', '---\nname: Unsure\n---\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('coops/unsure.md');
    expect(result.output).toMatch(/missing the following required fields:\s*• member/);
  });
});

describe('the case studies', () => {
  const caseStudy = (frontMatter: string) =>
    `---\nclient: A Client\nproject: A Project\n${frontMatter}\n---\nA Project is a project by Outlandish.\n`;

  it('publishes a case study an editor commits as one Markdown file, with an image from public/', async () => {
    await mkdir(join(dir, 'public/images/work'), { recursive: true });
    await writeFile(join(dir, 'public/images/work/a-project.png'), '');
    const result = await buildWithFile(
      'work/a-project.md',
      caseStudy(
        'coops: [outlandish]\nservices: [development]\nlinks: [https://example.org/]\nimage:\n  src: /images/work/a-project.png\n  alt: The project\n  width: 1200\n  height: 800',
      ),
    );
    expect(result.ok).toBe(true);
    const generated = JSON.parse(
      await readFile(join(dir, '.contentlayer/generated/CaseStudy/work__a-project.md.json'), 'utf8'),
    );
    expect(generated).toMatchObject({
      slug: 'a-project',
      url: '/work/a-project',
      client: 'A Client',
      project: 'A Project',
      coops: ['outlandish'],
      services: ['development'],
      links: ['https://example.org/'],
      image: { src: '/images/work/a-project.png', alt: 'The project', width: 1200, height: 800 },
    });
  });

  it('fails naming the file when a case study lists a co-op that does not exist', async () => {
    const result = await buildWithFile('work/typo.md', caseStudy('coops: [outlandsh]'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/work/typo.md: unknown co-op "outlandsh" (no content/coops/outlandsh.md)');
  });

  it('fails naming the file when a case study lists a service that does not exist', async () => {
    const result = await buildWithFile('work/typo.md', caseStudy('coops: [outlandish]\nservices: [devlopment]'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/work/typo.md: unknown service "devlopment" (no content/services/devlopment.md)',
    );
  });

  it('fails naming the file when a case study lists no co-op', async () => {
    const result = await buildWithFile('work/nobody.md', caseStudy('coops: []'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/work/nobody.md: lists no co-op');
  });

  it('fails naming the file when its image is not in public/', async () => {
    const result = await buildWithFile(
      'work/unseen.md',
      caseStudy(
        'coops: [outlandish]\nimage:\n  src: /images/work/unseen.png\n  alt: Unseen\n  width: 10\n  height: 10',
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/work/unseen.md: image "/images/work/unseen.png" has no file');
  });

  it('fails naming the file and the field when the client is missing', async () => {
    const result = await buildWithFile('work/anonymous.md', '---\nproject: A Project\ncoops: [outlandish]\n---\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('work/anonymous.md');
    expect(result.output).toMatch(/missing the following required fields:\s*• client/);
  });
});

describe('co-op logos', () => {
  const coopWithLogo = (logo: string) => `---\nname: Acme\nmember: true\nlogo: ${logo}\n---\n`;
  const addLogo = async (name: string, bytes: string | Buffer) => {
    await mkdir(join(dir, 'public/images/coops'), { recursive: true });
    await writeFile(join(dir, 'public/images/coops', name), bytes);
  };

  it('publishes a co-op with an SVG or PNG logo under public/images/coops/', async () => {
    await addLogo(
      'acme.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20"/></svg>',
    );
    await addLogo('other.png', solidPng(30, 10, [0, 0, 255]));
    await writeFile(join(dir, 'content/coops/other.md'), coopWithLogo('/images/coops/other.png'));
    const result = await buildWithFile('coops/acme.md', coopWithLogo('/images/coops/acme.svg'));
    expect(result.ok).toBe(true);
    const generated = JSON.parse(await readFile(join(dir, '.contentlayer/generated/Coop/coops__acme.md.json'), 'utf8'));
    expect(generated).toMatchObject({ name: 'Acme', logo: '/images/coops/acme.svg' });
  });

  it("fails naming the co-op's file when its logo has no file", async () => {
    const result = await buildWithFile('coops/acme.md', coopWithLogo('/images/coops/acme.svg'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/coops/acme.md: logo "/images/coops/acme.svg" has no file (no public/images/coops/acme.svg)',
    );
  });

  it("fails naming the co-op's file when its logo is not an SVG or PNG in /images/coops/", async () => {
    await addLogo('acme.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const result = await buildWithFile('coops/acme.md', coopWithLogo('/images/coops/acme.jpg'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/coops/acme.md: logo "/images/coops/acme.jpg" is not an .svg or .png file in /images/coops/',
    );
  });

  it("fails naming the co-op's file when its logo's size cannot be read", async () => {
    await addLogo('acme.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="100%"><rect/></svg>');
    const result = await buildWithFile('coops/acme.md', coopWithLogo('/images/coops/acme.svg'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/coops/acme.md: logo "/images/coops/acme.svg" has no readable size');
  });

  it("fails naming the co-op's file when its SVG logo has a script", async () => {
    await addLogo(
      'acme.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">\n<script>alert(1)</script></svg>',
    );
    const result = await buildWithFile('coops/acme.md', coopWithLogo('/images/coops/acme.svg'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/coops/acme.md: logo "/images/coops/acme.svg" has a <script> element (line 2)',
    );
  });
});

describe('the redirects', () => {
  const withRedirects = (entries: string) => writeFile(join(dir, 'content/redirects.yml'), `redirects:\n${entries}`);

  it('accepts a redirect to a page that the same build adds', async () => {
    await withRedirects('  - from: /coops/acme\n    to: /co-op/acme\n  - from: /acme.html\n    to: /town/acme-town\n');
    const result = await buildWithFile('coops/acme.md', '---\nname: Acme\nmember: true\ntown: Acme Town\n---\n');
    expect(result.ok).toBe(true);
  });

  it('fails naming the file, line and entry when a target is not a page', async () => {
    await withRedirects('  - from: /about.html\n    to: /about\n  - from: /shop.html\n    to: /shop\n');
    const result = await buildWith('events.md', '---\ntitle: Events\n---\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/redirects.yml:4: redirect from "/shop.html": to "/shop" is not a page of the site',
    );
  });

  it('fails naming the entry when its from would hide a page', async () => {
    await withRedirects('  - from: /events\n    to: /about\n');
    const result = await buildWith('events.md', '---\ntitle: Events\n---\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/redirects.yml:2: redirect from "/events": from would hide a page of the site (/events)',
    );
  });

  it('fails naming the line when the file is not valid YAML', async () => {
    await withRedirects('  - from: /about.html\n   to: /about\n');
    const result = await buildWith('events.md', '---\ntitle: Events\n---\n');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content\/redirects\.yml:3: /);
  });
});
