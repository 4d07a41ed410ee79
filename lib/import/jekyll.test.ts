import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLogo, maxLogoBytes } from '@/lib/content/logo';
import { importJekyll, isLightLogo, matchCoop, prepareLogo, readJekyllCoops } from './jekyll';

// A small tree in the old Jekyll site's format, of invented co-ops, and a small content/ of ours, both written to a
// temporary folder for each test, so the import runs on real files and never on the real content/.

const png = (width: number, height: number, background: { r: number; g: number; b: number; alpha: number }) =>
  sharp({ create: { width, height, channels: 4, background } })
    .png()
    .toBuffer();

/** White on transparent: a white bar across a clear image, as the old site's `*-white.png` logos are. */
const whiteOnTransparent = () =>
  sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: { create: { width: 30, height: 8, channels: 4, background: '#ffffff' } }, top: 6, left: 5 }])
    .png()
    .toBuffer();

/** Dark on transparent. */
const darkOnTransparent = () =>
  sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: { create: { width: 30, height: 8, channels: 4, background: '#1c2a5a' } }, top: 6, left: 5 }])
    .png()
    .toBuffer();

/** Noise does not compress: 320×320 pixels of it are far over the logo limit. */
const oversized = () =>
  sharp(randomBytes(320 * 320 * 4), { raw: { width: 320, height: 320, channels: 4 } })
    .png()
    .toBuffer();

/** A file's lines, each ended by a line break. */
const lines = (...each: string[]) => each.map((line) => `${line}\n`).join('');

function write(root: string, path: string, content: string | Buffer) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

let root: string;
let source: string;
let contentDir: string;
let publicDir: string;

async function writeFixtures() {
  // The older layout: every fact in front matter.
  write(
    source,
    '_coops/acme-digital.md',
    [
      '---',
      'title: Acme Digital',
      'name: Acme Digital',
      'members: 5',
      'website: https://acme.example/',
      'email: hello@acme.example',
      'twitter: acme',
      'github: acme',
      "telephone: '+44 1234 567890'",
      'address: 1 High Street, Leeds',
      'latitude: 53.8',
      'longitude: -1.55',
      'clients:',
      '- someone',
      'services:',
      '- web-design',
      'technologies:',
      '- php',
      '---',
      '',
      'Acme Digital builds websites.',
      '',
    ].join('\n'),
  );
  write(
    source,
    '_coops/scripted.md',
    '---\nname: Scripted\nemail: hi@scripted.example\n---\n\nHi <script>alert(1)</script>\n',
  );
  // The newer layout: name, website, logo and the body.
  write(
    source,
    '_coops/bright-works.md',
    lines(
      '---',
      'name: Bright Works',
      'website: https://bright.example',
      'logo: bright-works-white.png',
      '---',
      '',
      'Bright Works paints **bright** things.',
    ),
  );
  write(
    source,
    '_coops/dark-pixel.md',
    lines(
      '---',
      'name: Dark Pixel Co-operative Ltd',
      'website: http://www.darkpixel.example/',
      'logo: dark-pixel.png',
      '---',
      '',
      'Dark Pixel draws.',
    ),
  );
  write(source, '_coops/huge-logo.md', '---\nname: Huge Logo\nlogo: huge-logo.png\n---\n');
  write(source, '_coops/bad-logo.md', '---\nname: Bad Logo\nlogo: bad-logo.svg\n---\n');
  write(source, '_coops/nobody.md', '---\nname: Nobody Co-op\nwebsite: https://nobody.example\n---\n\nNobody.\n');
  write(source, 'images/coops/bright-works-white.png', await whiteOnTransparent());
  write(source, 'assets/img/dark-pixel.png', await darkOnTransparent());
  write(source, 'images/coops/huge-logo.png', await oversized());
  write(
    source,
    'images/coops/bad-logo.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>',
  );
  write(
    source,
    '_case_studies/acme_site.md',
    lines(
      '---',
      'client_name: Acme Client',
      'project_name: Acme Site',
      'coops:',
      '  - Acme Digital',
      'links:',
      '  - https://site.example/',
      'logo: Acme-Site.png',
      '---',
      '',
      'We built a site.',
    ),
  );

  write(
    contentDir,
    'coops/acme-digital.md',
    lines(
      '---',
      'name: Acme Digital',
      'member: true',
      'website: https://acme.example',
      'email: team@acme.example',
      'workerMembers: 4',
      'latitude: 53.8',
      'longitude: -1.55',
      'services:',
      '  - web-design',
      'technologies:',
      '  - php',
      '---',
      '',
      'Our own words.',
    ),
  );
  write(contentDir, 'coops/brightworks.md', '---\nname: Bright Works\nmember: true\n---\n');
  write(
    contentDir,
    'coops/darkpixel.md',
    '---\nname: Dark Pixel\nmember: true\nwebsite: https://darkpixel.example\n---\n',
  );
  write(contentDir, 'coops/huge-logo.md', '---\nname: Huge Logo\nmember: true\n---\n');
  write(contentDir, 'coops/bad-logo.md', '---\nname: Bad Logo\nmember: true\n---\n');
  write(contentDir, 'coops/scripted.md', '---\nname: Scripted\nmember: true\n---\n');
  write(
    contentDir,
    'work/acme-site.md',
    lines(
      '---',
      'client: Acme Client Ltd',
      'project: Acme Site',
      'coops:',
      '  - acme-digital',
      'links:',
      '  - https://site.example/',
      '---',
    ),
  );
}

/** Every file under a folder, by its path in it, with its bytes: to see what an import changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return files;
}

const run = (dryRun = false) => importJekyll({ source, contentDir, publicDir, dryRun });
const read = (path: string) => readFileSync(join(contentDir, path), 'utf8');

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'import-jekyll-'));
  source = join(root, 'jekyll');
  contentDir = join(root, 'content');
  publicDir = join(root, 'public');
  mkdirSync(publicDir);
  await writeFixtures();
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('reading the old site', () => {
  it('reads both layouts of a co-op', () => {
    const coops = readJekyllCoops(source);
    expect(coops.find((coop) => coop.slug === 'acme-digital')).toEqual({
      file: '_coops/acme-digital.md',
      slug: 'acme-digital',
      name: 'Acme Digital',
      website: 'https://acme.example/',
      email: 'hello@acme.example',
      logo: undefined,
      members: 5,
      latitude: 53.8,
      longitude: -1.55,
      services: ['web-design'],
      technologies: ['php'],
      body: 'Acme Digital builds websites.',
    });
    expect(coops.find((coop) => coop.slug === 'bright-works')).toMatchObject({
      name: 'Bright Works',
      website: 'https://bright.example',
      logo: 'bright-works-white.png',
      body: 'Bright Works paints **bright** things.',
    });
  });

  it('matches by slug, then by name, then by website host', () => {
    const ours = [
      { slug: 'acme-digital', data: { name: 'Something Else' } },
      { slug: 'brightworks', data: { name: 'Bright Works' } },
      { slug: 'darkpixel', data: { name: 'Dark Pixel', website: 'https://darkpixel.example' } },
    ];
    expect(matchCoop({ slug: 'acme-digital', name: 'Acme Digital' }, ours)?.slug).toBe('acme-digital');
    expect(matchCoop({ slug: 'bright-works', name: 'Bright  works' }, ours)?.slug).toBe('brightworks');
    expect(matchCoop({ slug: 'dp', name: 'DP Ltd', website: 'http://www.darkpixel.example/x' }, ours)?.slug).toBe(
      'darkpixel',
    );
    expect(matchCoop({ slug: 'nobody', name: 'Nobody', website: 'https://nobody.example' }, ours)).toBeUndefined();
  });
});

describe('logos', () => {
  it('finds white on transparent light, and dark or opaque logos not', async () => {
    expect(await isLightLogo(await whiteOnTransparent())).toBe(true);
    expect(await isLightLogo(await darkOnTransparent())).toBe(false);
    // An opaque white logo carries its own background: it reads wherever it is.
    expect(await isLightLogo(await png(20, 10, { r: 255, g: 255, b: 255, alpha: 1 }))).toBe(false);
  });

  it('scales a PNG over the limit down until it fits, and refuses an SVG over it', async () => {
    const big = await oversized();
    expect(big.length).toBeGreaterThan(maxLogoBytes);
    const prepared = await prepareLogo('big.png', big);
    if (Array.isArray(prepared)) throw new Error(prepared.join('; '));
    expect(prepared.bytes.length).toBeLessThanOrEqual(maxLogoBytes);
    expect(prepared.scaledFrom).toBe(`320×320, ${big.length} bytes`);
    const scaled = await sharp(prepared.bytes).metadata();
    expect(scaled.width).toBeLessThan(320);
    expect(scaled.height).toBe(scaled.width);

    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><desc>${'x'.repeat(maxLogoBytes)}</desc>`;
    const closed = `${svg}</svg>`;
    expect(await prepareLogo('big.svg', Buffer.from(closed))).toEqual([
      `is ${closed.length} bytes, over the ${maxLogoBytes}-byte limit, and only a PNG can be scaled down`,
    ]);
  });
});

describe('importJekyll', () => {
  it('adds only what ours lacks, reports what differs and what it skipped, and checks what it adds', async () => {
    const acmeBefore = read('coops/acme-digital.md');
    const report = await run();

    expect(report.added).toEqual([
      { file: 'content/coops/brightworks.md', what: 'description' },
      {
        file: 'content/coops/brightworks.md',
        what: 'logo /images/coops/brightworks.png from bright-works-white.png (light, so shown on a dark tile)',
      },
      { file: 'content/coops/darkpixel.md', what: 'description' },
      { file: 'content/coops/darkpixel.md', what: 'logo /images/coops/darkpixel.png from dark-pixel.png' },
      {
        file: 'content/coops/huge-logo.md',
        what: expect.stringMatching(
          /^logo \/images\/coops\/huge-logo\.png from huge-logo\.png \(scaled down from 320×320, \d+ bytes\)$/,
        ),
      },
      { file: 'content/coops/scripted.md', what: 'email hi@scripted.example' },
      { file: 'content/work/acme-site.md', what: 'text' },
    ]);
    expect(report.differences).toEqual([
      { file: 'content/coops/acme-digital.md', field: 'workerMembers', ours: '4', theirs: '5' },
      { file: 'content/coops/acme-digital.md', field: 'description', ours: '(its own text)', theirs: '(another text)' },
      {
        file: 'content/coops/acme-digital.md',
        field: 'email',
        ours: 'team@acme.example',
        theirs: 'hello@acme.example',
      },
      { file: 'content/coops/brightworks.md', field: 'website', ours: '(none)', theirs: 'https://bright.example' },
      { file: 'content/coops/darkpixel.md', field: 'name', ours: 'Dark Pixel', theirs: 'Dark Pixel Co-operative Ltd' },
      // Matched by its host, but the address itself differs: reported, ours kept.
      {
        file: 'content/coops/darkpixel.md',
        field: 'website',
        ours: 'https://darkpixel.example',
        theirs: 'http://www.darkpixel.example/',
      },
      { file: 'content/work/acme-site.md', field: 'client', ours: 'Acme Client Ltd', theirs: 'Acme Client' },
    ]);
    expect(report.skipped).toEqual([
      {
        file: '_coops/bad-logo.md',
        reason: 'logo bad-logo.svg refused: it has a <script> element (line 1)',
      },
      { file: '_coops/nobody.md', reason: 'unknown co-op (Nobody Co-op): not added' },
      {
        file: '_coops/scripted.md',
        reason: "description not added: its text has HTML that the site's sanitiser would remove or change (<script>)",
      },
      {
        file: '_case_studies/acme_site.md',
        reason: 'image Acme-Site.png not added: the old site gives it no text alternative; add it by hand with one',
      },
    ]);

    // Never a fact of ours overwritten.
    expect(read('coops/acme-digital.md')).toBe(acmeBefore);
    expect(read('coops/brightworks.md')).toBe(
      lines(
        '---',
        'name: Bright Works',
        'member: true',
        'logo: /images/coops/brightworks.png',
        'logoOnDark: true',
        '---',
        '',
        'Bright Works paints **bright** things.',
      ),
    );
    expect(read('coops/darkpixel.md')).toBe(
      lines(
        '---',
        'name: Dark Pixel',
        'member: true',
        'website: https://darkpixel.example',
        'logo: /images/coops/darkpixel.png',
        '---',
        '',
        'Dark Pixel draws.',
      ),
    );
    expect(read('coops/scripted.md')).toBe('---\nname: Scripted\nmember: true\nemail: hi@scripted.example\n---\n');
    expect(read('work/acme-site.md')).toMatch(/\n---\n\nWe built a site\.\n$/);
    // Each logo written passes the content build's logo check, and the oversized one is within the limit.
    for (const name of ['brightworks.png', 'darkpixel.png', 'huge-logo.png']) {
      expect(checkLogo(`/images/coops/${name}`, publicDir)).not.toBeInstanceOf(Array);
    }
    expect(statSync(join(publicDir, 'images/coops/huge-logo.png')).size).toBeLessThanOrEqual(maxLogoBytes);
    expect(readdirSync(join(publicDir, 'images/coops')).sort()).toEqual([
      'brightworks.png',
      'darkpixel.png',
      'huge-logo.png',
    ]);
  });

  it('changes nothing when run a second time', async () => {
    await run();
    const after = { content: snapshot(contentDir), public: snapshot(publicDir) };
    const second = await run();
    expect(second.added).toEqual([]);
    expect(second.written).toEqual([]);
    expect({ content: snapshot(contentDir), public: snapshot(publicDir) }).toEqual(after);
  });

  it('writes nothing with dryRun, and reports what a real run does', async () => {
    const before = { content: snapshot(contentDir), public: snapshot(publicDir) };
    const dry = await run(true);
    expect({ content: snapshot(contentDir), public: snapshot(publicDir) }).toEqual(before);
    const real = await run();
    expect(dry.added.map(({ file, what }) => `${file} ${what.replace(/\d+ bytes/, 'n bytes')}`)).toEqual(
      real.added.map(({ file, what }) => `${file} ${what.replace(/\d+ bytes/, 'n bytes')}`),
    );
    expect(dry.written).toEqual(real.written);
    expect(dry.written.length).toBeGreaterThan(0);
  });

  it('refuses a folder that is not a Jekyll checkout, and writes nothing', async () => {
    const before = snapshot(contentDir);
    await expect(importJekyll({ source: publicDir, contentDir, publicDir })).rejects.toThrow(
      `${publicDir} has neither _coops/ nor _case_studies/: is it a checkout of the old Jekyll site?`,
    );
    expect(snapshot(contentDir)).toEqual(before);
  });
});
