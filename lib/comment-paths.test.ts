import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { logoFolder } from '@/lib/content/schema';

// A comment that names a file is a pointer a reader follows: when the file moves and the comment stays, it points
// nowhere. Every path a comment of the project's code names (`lib/…`, `app/…`, `server/…`, `.ci/…`, and the like),
// and every bare TypeScript or module file name (`start.ts`), must be a file or folder of the project.

const roots = [
  'lib',
  'app',
  'components',
  'server',
  'scripts',
  'test',
  'e2e',
  'content',
  'public',
  'drizzle',
  '.ci',
  'docs',
];

/** The project's files, as git knows them (tracked, or new and not ignored). */
const projectFiles = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

const sources = projectFiles.filter(
  (file) => /\.(ts|tsx|mts|mjs|js|cjs)$/.test(file) || file === '.ci/run' || file.endsWith('.sh'),
);

/** The text of every comment in a source file: TypeScript's own reading for code, `#` lines for shell scripts. */
function commentsOf(file: string, text: string): string[] {
  if (!/\.(ts|tsx|mts|mjs|js|cjs)$/.test(file)) {
    return text.split('\n').flatMap((line) => /^\s*#(?!!)(.*)$/.exec(line)?.[1] ?? []);
  }
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const ranges = new Map<number, ts.CommentRange>();
  const visit = (node: ts.Node) => {
    for (const range of [
      ...(ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.getEnd()) ?? []),
    ]) {
      ranges.set(range.pos, range);
    }
    // Tokens too (a closing brace or a JSX expression's braces carry the comments before them).
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...ranges.values()].map((range) => text.slice(range.pos, range.end));
}

const rootPattern = roots.map((root) => root.replace('.', '\\.')).join('|');
// A path starts a word (not inside a URL or another path: `/scripts/cms.js` is an address, `.next/server/app` a
// build's folder) and runs to the first character no project path has.
const pathPattern = new RegExp(`(?<![\\w./@~-])(?:${rootPattern})/[\\w.@()[\\]/*…$-]*`, 'g');
const barePattern = /(?<![\w./@~-])[\w-]+(?:\.[\w-]+)*\.(?:ts|tsx|mts|mjs)(?![\w/-])/g;

/** A name written as a pattern rather than a file: `content/coops/SLUG.md`, `e2e/*.dev.spec.ts`, `KIND-form.ts`. */
const isPattern = (name: string) => /[*…$<>{}]|\b[A-Z][A-Z0-9_]+\b|\.\.\./.test(name);

/** The project paths and bare file names a comment names, as written (trailing punctuation left out). */
function pathsIn(comment: string): string[] {
  const trimmed = (path: string) => {
    let end = path.replace(/[.,:;'"`]+$/, '');
    // A closing bracket that closes nothing in the path belongs to the sentence: `(see lib/settings.ts)`.
    while (end.endsWith(')') && (end.match(/\(/g) ?? []).length < (end.match(/\)/g) ?? []).length) {
      end = end.slice(0, -1).replace(/[.,:;'"`]+$/, '');
    }
    return end;
  };
  const paths = [...comment.matchAll(pathPattern)].map(([path]) => trimmed(path));
  const bare = [...comment.matchAll(barePattern)].map(([name]) => name);
  return [...paths, ...bare].filter((name) => !isPattern(name));
}

const fileNames = new Set(projectFiles.map((file) => basename(file)));
const folders = new Set(
  projectFiles.flatMap((file) =>
    file
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  ),
);
// As a folder too: `public/scripts/` is ignored as a folder, which git only knows it is when told.
const ignored = (path: string) =>
  [path, `${path}/`].some((name) => spawnSync('git', ['check-ignore', '-q', name]).status === 0);

// public/ holds no file of the repository's: its scripts and the CMS are built into it (ignored), and co-ops' logos
// go into its logo folder, empty until a co-op has one.
const emptyFolders = new Set(['public', `public${logoFolder}`]);

/**
 * Whether a name a comment gives is the project's: a file or folder (a module without its extension, as imports
 * name it, too), a bare name of one, or an ignored output of the build.
 */
function exists(name: string): boolean {
  if (!name.includes('/')) return fileNames.has(name);
  const path = name.replace(/\/$/, '');
  const candidates = [path, ...['.ts', '.tsx', '.mjs', '/index.ts'].map((extension) => `${path}${extension}`)];
  return (
    emptyFolders.has(path) ||
    candidates.some((candidate) => projectFiles.includes(candidate)) ||
    folders.has(path) ||
    existsSync(path) ||
    ignored(path)
  );
}

/** Each name a comment gives that is not the project's, as `file: name`. */
function stalePaths(files: readonly string[], read = (file: string) => readFileSync(file, 'utf8')): string[] {
  return files.flatMap((file) =>
    commentsOf(file, read(file)).flatMap((comment) =>
      pathsIn(comment)
        .filter((name) => !exists(name))
        .map((name) => `${file}: ${name}`),
    ),
  );
}

describe('paths named in comments', () => {
  it('are files or folders of the project', () => {
    expect(stalePaths(sources)).toEqual([]);
  });

  it('finds a path that no longer exists, in any kind of comment, and only in comments', () => {
    const code = [
      '// The settings (lib/settings.ts) and the old server/settings.ts.',
      "const text = 'lib/not-a-comment.ts';",
      '/** Sent by components/form-page.tsx, see start.ts and gone.ts. */',
      'export const x = <p>{/* as app/no-such/page.tsx draws it */}</p>;',
    ].join('\n');
    expect(stalePaths(['lib/example.tsx'], () => code)).toEqual([
      'lib/example.tsx: server/settings.ts',
      'lib/example.tsx: components/form-page.tsx',
      'lib/example.tsx: gone.ts',
      'lib/example.tsx: app/no-such/page.tsx',
    ]);
    expect(stalePaths(['.ci/run'], () => '#!/bin/sh\n# runs scripts/no-such.sh\necho lib/x.ts\n')).toEqual([
      '.ci/run: scripts/no-such.sh',
    ]);
  });

  it('reads a path as written in a sentence, and leaves patterns alone', () => {
    expect(pathsIn('as lib/mail/ does (see lib/settings.ts), in app/(site)/layout.tsx, and app/co-op/[slug].')).toEqual(
      ['lib/mail/', 'lib/settings.ts', 'app/(site)/layout.tsx', 'app/co-op/[slug]'],
    );
    expect(
      pathsIn('content/coops/SLUG.md, e2e/*.dev.spec.ts, KIND-form.browser.ts, /scripts/cms.js, .next/server/app'),
    ).toEqual([]);
  });
});
