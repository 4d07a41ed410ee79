import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import sharp from 'sharp';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { inspectLogo, maxLogoBytes } from '../content/logo.ts';
import { descriptionField, logoFolder } from '../content/schema.ts';
import { markdownPipeline, MarkdownProblem } from '../markdown.ts';
import { slugify } from '../slug.ts';

// `npm run import:jekyll -- PATH`: merges a checkout of the network's old Jekyll site into content/. Our content is
// the source of truth, so the import only fills what ours lacks (a co-op's description, logo and email) and reports
// every fact the old site states differently, for an editor to settle; it never changes a fact ours has. Whatever
// it writes passes the rules the content build holds committed files to (lib/content/logo.ts for logos, the
// Markdown pipeline and the description's length for bodies), so it is written, or skipped and reported, never
// left for the build to refuse. Run twice, the second run finds nothing to add.

/** A co-op's file on the old site, in either of its layouts (the older one has the facts in front matter). */
export type JekyllCoop = {
  file: string;
  slug: string;
  name?: string;
  website?: string;
  email?: string;
  logo?: string;
  members?: number;
  latitude?: number;
  longitude?: number;
  services?: string[];
  technologies?: string[];
  body: string;
};

/** A case study on the old site: its co-ops and services by name, not by slug. */
export type JekyllCaseStudy = {
  file: string;
  slug: string;
  client?: string;
  project?: string;
  coops: string[];
  links: string[];
  logo?: string;
  body: string;
};

export type Difference = { file: string; field: string; ours: string; theirs: string };
export type Skipped = { file: string; reason: string };
export type Added = { file: string; what: string };

/** What an import did, or would do with `dryRun`: each part printed by the CLI. */
export type ImportReport = { added: Added[]; differences: Difference[]; skipped: Skipped[]; written: string[] };

export type ImportOptions = {
  /** The Jekyll checkout: `_coops/`, `_case_studies/`, `images/`, `assets/`. */
  source: string;
  /** Our content folder (content/). */
  contentDir: string;
  /** Our public folder, where logos are copied to (public/images/coops/). */
  publicDir: string;
  dryRun?: boolean;
};

/** A Markdown file's front matter, parsed, and its body. */
type MarkdownFile = { data: Record<string, unknown>; frontMatter: string; body: string };

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

export function readMarkdown(path: string): MarkdownFile {
  const text = readFileSync(path, 'utf8');
  const match = frontMatterPattern.exec(text);
  if (!match) return { data: {}, frontMatter: '', body: text };
  const data: unknown = parseYaml(match[1] ?? '');
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new Error(`${path}: its front matter is not a set of fields`);
  }
  return { data: (data ?? {}) as Record<string, unknown>, frontMatter: match[1] ?? '', body: match[2] ?? '' };
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;
const number = (value: unknown) => {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
};
const texts = (value: unknown) => (Array.isArray(value) ? value.map(text).filter((item) => item !== undefined) : []);

const markdownFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.md'))
        .sort()
    : [];

/** The old site's co-ops, from `_coops/*.md`; the file name is the slug, as the old site's addresses were. */
export function readJekyllCoops(source: string): JekyllCoop[] {
  const dir = join(source, '_coops');
  return markdownFiles(dir).map((file) => {
    const { data, body } = readMarkdown(join(dir, file));
    const services = texts(data.services);
    const technologies = texts(data.technologies);
    return {
      file: `_coops/${file}`,
      slug: file.replace(/\.md$/, ''),
      name: text(data.name) ?? text(data.title),
      website: text(data.website),
      email: text(data.email),
      logo: text(data.logo),
      members: number(data.members),
      latitude: number(data.latitude),
      longitude: number(data.longitude),
      ...(services.length > 0 && { services }),
      ...(technologies.length > 0 && { technologies }),
      body: body.trim(),
    };
  });
}

export function readJekyllCaseStudies(source: string): JekyllCaseStudy[] {
  const dir = join(source, '_case_studies');
  return markdownFiles(dir).map((file) => {
    const { data, body } = readMarkdown(join(dir, file));
    return {
      file: `_case_studies/${file}`,
      slug: slugify(file.replace(/\.md$/, '')),
      client: text(data.client_name),
      project: text(data.project_name),
      coops: texts(data.coops),
      links: texts(data.links),
      logo: text(data.logo),
      body: body.trim(),
    };
  });
}

/** Where the old site kept a logo named only by its file name: its layouts read `images/coops/` and `assets/img/`. */
const logoDirs = ['images/coops', 'images', 'assets/img/coops', 'assets/img/case_studies', 'assets/img', 'assets'];

export function findJekyllImage(source: string, name: string): string | undefined {
  const bare = name.replace(/^\/+/, '');
  if (bare.split('/').includes('..')) return undefined;
  const candidates = bare.includes('/') ? [bare] : logoDirs.map((dir) => `${dir}/${bare}`);
  return candidates.map((candidate) => join(source, candidate)).find((path) => existsSync(path));
}

// ——— Matching ———

/** Ours, as the import reads it: its slug, file and front matter. */
type OurCoop = { slug: string; path: string; file: MarkdownFile };

const nameKey = (name: string) => slugify(name).replace(/-/g, '');

/** A website's host without `www.`, so `http://www.x.coop/` and `https://x.coop` are one site. */
export function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
}

/** The co-op of ours that an old file is about: by slug, then by name, then by website's host. */
export function matchCoop<T extends { slug: string; data: Record<string, unknown> }>(
  theirs: Pick<JekyllCoop, 'slug' | 'name' | 'website'>,
  ours: readonly T[],
): T | undefined {
  const bySlug = ours.find((coop) => coop.slug === theirs.slug);
  if (bySlug) return bySlug;
  const name = theirs.name && nameKey(theirs.name);
  const byName = name
    ? ours.find((coop) => typeof coop.data.name === 'string' && nameKey(coop.data.name) === name)
    : undefined;
  if (byName) return byName;
  const host = theirs.website && hostOf(theirs.website);
  return host
    ? ours.find((coop) => typeof coop.data.website === 'string' && hostOf(coop.data.website) === host)
    : undefined;
}

// ——— Bodies ———

/** HTML as it would be without the site's sanitiser: what the old site showed. */
async function unsanitisedHtml(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

/**
 * Why a body cannot be a description here, or undefined when it can: longer than a description may be, Liquid
 * template tags the site does not run, what the site's Markdown pipeline refuses (lib/markdown.ts: an unknown
 * `{{ site.x }}`), or HTML that the pipeline's sanitiser would change, so the page would not say what was written.
 */
export async function bodyProblem(markdown: string, file: string): Promise<string | undefined> {
  if (markdown.length > descriptionField.maxLength) {
    const { maxLength } = descriptionField;
    return `its text is longer than a description may be (${markdown.length} characters, at most ${maxLength})`;
  }
  if (/\{%.*?%\}/s.test(markdown)) return 'its text has Liquid tags ({% … %}), which this site does not run';
  const processor = unified();
  markdownPipeline(processor);
  let sanitised: string;
  try {
    sanitised = String(
      await processor.process({ value: markdown, data: { rawDocumentData: { sourceFilePath: file } } }),
    );
  } catch (error) {
    if (error instanceof MarkdownProblem) return `its text: ${error.problem}`;
    throw error;
  }
  if (/<[a-z!/]/i.test(markdown) && sanitised !== (await unsanitisedHtml(markdown))) {
    const tags = [...new Set([...markdown.matchAll(/<([a-z][a-z0-9-]*)/gi)].map((match) => `<${match[1]}>`))];
    return `its text has HTML that the site's sanitiser would remove or change (${tags.join(', ')})`;
  }
  return undefined;
}

// ——— Logos ———

/**
 * Above this mean relative luminance (WCAG's) of its opaque pixels a logo has less than 2:1 contrast with the white
 * page: white and light grey logos. Mid greys stay on white, where their darker parts read better than on a dark tile.
 */
const lightLuminance = 0.5;

const linear = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/**
 * Whether a logo is light: it has transparent pixels (a logo with its own opaque background reads anywhere) and the
 * mean relative luminance of its opaque pixels is high, as a white-on-transparent logo's is. Such a logo vanishes on
 * the site's white, so it is shown on a dark tile (`logoOnDark`).
 */
export async function isLightLogo(bytes: Buffer): Promise<boolean> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let opaque = 0;
  let transparent = 0;
  let luminance = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const alpha = data[i + 3] ?? 255;
    if (alpha < 128) {
      transparent += 1;
      continue;
    }
    opaque += 1;
    luminance += 0.2126 * linear(data[i] ?? 0) + 0.7152 * linear(data[i + 1] ?? 0) + 0.0722 * linear(data[i + 2] ?? 0);
  }
  return opaque > 0 && transparent > 0 && luminance / opaque > lightLuminance;
}

/** A logo ready to write: its bytes, the size it was scaled down from if it was, and whether it needs a dark tile. */
export type PreparedLogo = { bytes: Buffer; scaledFrom?: string; onDark: boolean };

/**
 * A logo file made to pass our logo rules: a PNG over the size limit (lib/logo-limit.ts) is scaled down until it
 * fits; an SVG cannot be, and is refused, as is anything lib/content/logo.ts refuses (with its reasons).
 */
export async function prepareLogo(name: string, input: Buffer): Promise<PreparedLogo | string[]> {
  const checked = inspectLogo(name, input);
  if (Array.isArray(checked)) return checked;
  const onDark = await isLightLogo(input);
  if (input.length <= maxLogoBytes) return { bytes: input, onDark };
  if (checked.mediaType !== 'image/png') {
    return [`is ${input.length} bytes, over the ${maxLogoBytes}-byte limit, and only a PNG can be scaled down`];
  }
  let bytes = input;
  let { width } = checked;
  // Bytes grow with the pixels, so each step aims a little under the limit by the area's ratio; a few steps suffice.
  for (let step = 0; step < 8 && bytes.length > maxLogoBytes; step += 1) {
    width = Math.max(1, Math.floor(width * Math.sqrt(maxLogoBytes / bytes.length) * 0.95));
    bytes = await sharp(input).resize({ width }).png({ compressionLevel: 9, palette: true }).toBuffer();
  }
  if (bytes.length > maxLogoBytes) return [`stays over the ${maxLogoBytes}-byte limit however it is scaled`];
  const rechecked = inspectLogo(name, bytes);
  if (Array.isArray(rechecked)) return rechecked;
  return { bytes, onDark, scaledFrom: `${checked.width}×${checked.height}, ${input.length} bytes` };
}

// ——— Writing ———

/** Our file with fields added at the end of its front matter and, when it had none, a body. */
function withAdditions(file: MarkdownFile, fields: Record<string, unknown>, body: string | undefined): string {
  const added = Object.keys(fields).length > 0 ? stringifyYaml(fields).trimEnd() : '';
  const frontMatter = [file.frontMatter.trimEnd(), added].filter((part) => part !== '').join('\n');
  // As the proposals' worker writes a description (lib/proposals/change.ts): after one blank line.
  const newBody = body === undefined ? file.body : `\n${body}\n`;
  return `---\n${frontMatter}\n---\n${newBody}`;
}

const shown = (value: unknown) =>
  Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'string' ? value : String(value);

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** The facts an old co-op file states that ours states otherwise, or not at all: reported, never applied. */
function coopDifferences(theirs: JekyllCoop, ours: Record<string, unknown>, file: string): Difference[] {
  const differences: Difference[] = [];
  const compare = (field: string, theirValue: unknown, same: (a: unknown, b: unknown) => boolean) => {
    if (theirValue === undefined) return;
    const ourValue = ours[field];
    if (ourValue !== undefined && same(ourValue, theirValue)) return;
    differences.push({
      file,
      field,
      ours: ourValue === undefined ? '(none)' : shown(ourValue),
      theirs: shown(theirValue),
    });
  };
  compare('name', theirs.name, (a, b) => a === b);
  compare('website', theirs.website, (a, b) => typeof a === 'string' && sameUrl(a, String(b)));
  compare('workerMembers', theirs.members, (a, b) => a === b);
  compare('latitude', theirs.latitude, (a, b) => a === b);
  compare('longitude', theirs.longitude, (a, b) => a === b);
  compare('services', theirs.services, (a, b) => Array.isArray(a) && sameSet(a.map(String), b as string[]));
  compare('technologies', theirs.technologies, (a, b) => Array.isArray(a) && sameSet(a.map(String), b as string[]));
  return differences;
}

export async function importJekyll(options: ImportOptions): Promise<ImportReport> {
  const { source, contentDir, publicDir, dryRun = false } = options;
  if (!existsSync(join(source, '_coops')) && !existsSync(join(source, '_case_studies'))) {
    throw new Error(`${source} has neither _coops/ nor _case_studies/: is it a checkout of the old Jekyll site?`);
  }
  const coopsDir = join(contentDir, 'coops');
  const ours: (OurCoop & { data: Record<string, unknown> })[] = markdownFiles(coopsDir).map((file) => {
    const path = join(coopsDir, file);
    const parsed = readMarkdown(path);
    return { slug: file.replace(/\.md$/, ''), path, file: parsed, data: parsed.data };
  });
  const report: ImportReport = { added: [], differences: [], skipped: [], written: [] };
  const write = (path: string, content: string | Buffer) => {
    report.written.push(path);
    if (dryRun) return;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  const logoDir = join(publicDir, logoFolder);

  for (const theirs of readJekyllCoops(source)) {
    const coop = matchCoop(theirs, ours);
    if (!coop) {
      report.skipped.push({ file: theirs.file, reason: `unknown co-op (${theirs.name ?? theirs.slug}): not added` });
      continue;
    }
    const ourFile = relative(contentDir, coop.path);
    const label = `content/${ourFile}`;
    report.differences.push(...coopDifferences(theirs, coop.data, label));
    const fields: Record<string, unknown> = {};
    let body: string | undefined;

    if (theirs.body !== '') {
      if (coop.file.body.trim() === '') {
        const problem = await bodyProblem(theirs.body, ourFile);
        if (problem) report.skipped.push({ file: theirs.file, reason: `description not added: ${problem}` });
        else {
          body = theirs.body;
          report.added.push({ file: label, what: 'description' });
        }
      } else if (coop.file.body.trim() !== theirs.body) {
        report.differences.push({
          file: label,
          field: 'description',
          ours: '(its own text)',
          theirs: '(another text)',
        });
      }
    }

    if (theirs.email !== undefined) {
      if (coop.data.email === undefined) {
        fields.email = theirs.email;
        report.added.push({ file: label, what: `email ${theirs.email}` });
      } else if (coop.data.email !== theirs.email) {
        report.differences.push({ file: label, field: 'email', ours: shown(coop.data.email), theirs: theirs.email });
      }
    }

    if (theirs.logo !== undefined && coop.data.logo === undefined) {
      const found = findJekyllImage(source, theirs.logo);
      const extension = theirs.logo.toLowerCase().endsWith('.svg') ? 'svg' : 'png';
      const name = `${coop.slug}.${extension}`;
      const target = join(logoDir, name);
      const prepared = found ? await prepareLogo(name, readFileSync(found)) : [`has no file in ${source}`];
      if (Array.isArray(prepared)) {
        report.skipped.push({ file: theirs.file, reason: `logo ${theirs.logo} refused: it ${prepared.join('; ')}` });
      } else if (existsSync(target) && !readFileSync(target).equals(prepared.bytes)) {
        report.skipped.push({
          file: theirs.file,
          reason: `logo ${theirs.logo} not added: ${relative(publicDir, target)} exists already with other content`,
        });
      } else {
        if (!existsSync(target)) write(target, prepared.bytes);
        fields.logo = `${logoFolder}/${name}`;
        if (prepared.onDark) fields.logoOnDark = true;
        const notes = [
          prepared.scaledFrom && `scaled down from ${prepared.scaledFrom}`,
          prepared.onDark && 'light, so shown on a dark tile',
        ].filter(Boolean);
        report.added.push({
          file: label,
          what: `logo ${fields.logo} from ${theirs.logo}${notes.length ? ` (${notes.join('; ')})` : ''}`,
        });
      }
    }

    if (Object.keys(fields).length > 0 || body !== undefined) write(coop.path, withAdditions(coop.file, fields, body));
  }

  report.differences.push(...(await caseStudyReport(source, contentDir, ours, report, write)));
  return report;
}

/**
 * Case studies: matched by slug or by project name and compared; a body is added where ours has none. Their images
 * are not copied: the old site gave them no text alternative, and ours must have one (lib/content/schema.ts).
 */
async function caseStudyReport(
  source: string,
  contentDir: string,
  coops: readonly (OurCoop & { data: Record<string, unknown> })[],
  report: ImportReport,
  write: (path: string, content: string) => void,
): Promise<Difference[]> {
  const dir = join(contentDir, 'work');
  const ours = markdownFiles(dir).map((file) => {
    const path = join(dir, file);
    const parsed = readMarkdown(path);
    return { slug: file.replace(/\.md$/, ''), path, file: parsed, data: parsed.data };
  });
  const differences: Difference[] = [];
  for (const theirs of readJekyllCaseStudies(source)) {
    const project = theirs.project && slugify(theirs.project);
    const study =
      ours.find((entry) => entry.slug === theirs.slug) ??
      ours.find((entry) => typeof entry.data.project === 'string' && slugify(entry.data.project) === project);
    if (!study) {
      report.skipped.push({
        file: theirs.file,
        reason: `unknown case study (${theirs.project ?? theirs.slug}): not added`,
      });
      continue;
    }
    const label = `content/${relative(contentDir, study.path)}`;
    const compare = (field: string, ourValue: unknown, theirValue: string | undefined, same: boolean) => {
      if (theirValue !== undefined && !same) {
        differences.push({
          file: label,
          field,
          ours: ourValue === undefined ? '(none)' : shown(ourValue),
          theirs: theirValue,
        });
      }
    };
    compare('client', study.data.client, theirs.client, study.data.client === theirs.client);
    compare('project', study.data.project, theirs.project, study.data.project === theirs.project);
    const theirCoops = theirs.coops.map((name) => matchCoop({ slug: slugify(name), name }, coops)?.slug ?? name);
    const ourCoops = Array.isArray(study.data.coops) ? study.data.coops.map(String) : [];
    compare('coops', study.data.coops, theirCoops.join(', '), sameSet(ourCoops, theirCoops));
    const ourLinks = Array.isArray(study.data.links) ? study.data.links.map(String) : [];
    if (theirs.links.length > 0) {
      compare('links', study.data.links, theirs.links.join(', '), sameSet(ourLinks, theirs.links));
    }
    if (theirs.body !== '') {
      if (study.file.body.trim() === '') {
        const problem = await bodyProblem(theirs.body, relative(contentDir, study.path));
        if (problem) report.skipped.push({ file: theirs.file, reason: `text not added: ${problem}` });
        else {
          write(study.path, withAdditions(study.file, {}, theirs.body));
          report.added.push({ file: label, what: 'text' });
        }
      } else if (study.file.body.trim() !== theirs.body) {
        differences.push({ file: label, field: 'text', ours: '(its own text)', theirs: '(another text)' });
      }
    }
    if (theirs.logo !== undefined && study.data.image === undefined) {
      report.skipped.push({
        file: theirs.file,
        reason:
          `image ${basename(theirs.logo)} not added: the old site gives it no text alternative; ` +
          'add it by hand with one',
      });
    }
  }
  return differences;
}
