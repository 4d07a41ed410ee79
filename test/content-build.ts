import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { ContentDocuments } from '@/lib/content/checks';
import type { ContentSource } from '@/lib/content/problem';

// The content build run for real on small fixture trees (test/fixtures/content/): the project's own
// contentlayer.config.ts, so a test proves what `npm run build` does, on content the test controls, never on the
// committed content an editor may change.

const run = promisify(execFile);
const root = resolve(__dirname, '..');

/** The fixture trees: `valid/` builds; each folder of `checks/` and `fields/` adds what one check refuses. */
export const fixtures = join(root, 'test/fixtures/content');

export type ContentBuild = {
  /** The directory it ran in: the trees' content/ and public/, and the build's .contentlayer/. */
  dir: string;
  ok: boolean;
  /** What the build printed, where its problems are. */
  output: string;
};

/**
 * Runs `contentlayer2 build` on fixture folders laid over each other in a new directory, in order: each holds a
 * content/ and perhaps a public/, and a later folder's file replaces an earlier one's of the same name.
 */
export async function buildFixtures(folders: readonly string[]): Promise<ContentBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'cotech-content-'));
  for (const folder of folders) await cp(join(fixtures, folder), dir, { recursive: true });
  // The config is bundled into the directory and imports contentlayer2 from there.
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  const bin = join(root, 'node_modules/.bin/contentlayer2');
  const config = join(root, 'contentlayer.config.ts');
  try {
    // Contentlayer takes its working directory from PWD before process.cwd().
    const { stdout, stderr } = await run(bin, ['build', '--config', config], {
      cwd: dir,
      env: { ...process.env, PWD: dir },
    });
    return { dir, ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { dir, ok: false, output: stdout + stderr };
  }
}

export const removeBuild = (build: ContentBuild | undefined) =>
  build && rm(build.dir, { recursive: true, force: true });

/** A Markdown document's body as generated: its text and its HTML. */
type Body = { body: { raw: string; html: string } };

/** The generated documents, as the checks read them; every one names its file and has a body. */
export type GeneratedDocuments = {
  [Type in keyof ContentDocuments]: (ContentDocuments[Type][number] & ContentSource & Body)[];
};

const typeFolders = {
  pages: 'Page',
  coops: 'Coop',
  services: 'Service',
  technologies: 'Technology',
  caseStudies: 'CaseStudy',
} as const satisfies Record<keyof ContentDocuments, string>;

/** What the build generated, read from .contentlayer/generated/: documents of our config's own types. */
export async function readGenerated(build: ContentBuild): Promise<GeneratedDocuments> {
  const read = async (type: string) =>
    JSON.parse(await readFile(join(build.dir, '.contentlayer/generated', type, '_index.json'), 'utf8'));
  return {
    pages: await read(typeFolders.pages),
    coops: await read(typeFolders.coops),
    services: await read(typeFolders.services),
    technologies: await read(typeFolders.technologies),
    caseStudies: await read(typeFolders.caseStudies),
  };
}

/** The Markdown files of a fixture folder, as a document's `sourceFilePath` names them (`coops/acme.md`). */
export async function markdownFilesOf(folder: string): Promise<Set<string>> {
  const files = await readdir(join(fixtures, folder, 'content'), { recursive: true });
  return new Set(files.filter((file) => file.endsWith('.md')));
}

/** Only the documents of those files. */
export function documentsOf(documents: GeneratedDocuments, files: ReadonlySet<string>): GeneratedDocuments {
  const keep = <D extends ContentSource>(list: D[]) =>
    list.filter((document) => files.has(document._raw.sourceFilePath));
  return {
    pages: keep(documents.pages),
    coops: keep(documents.coops),
    services: keep(documents.services),
    technologies: keep(documents.technologies),
    caseStudies: keep(documents.caseStudies),
  };
}
