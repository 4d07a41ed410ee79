// Whether the production build (.next) is current, and making it: for `npm start` (server/start.ts) and for the
// tests that run the built site (test/built-site.ts).
// Static pages bake SITE_URL into their canonical and preview URLs, so a build made for another SITE_URL,
// or older than any source file, is not current.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBuilt } from './next-build.ts';

// Ours, not Next.js's: which SITE_URL the build was made for, and when.
const stampFile = '.next/cotech-build.json';
const sources = ['app', 'components', 'content', 'lib', 'drizzle', 'public', 'instrumentation.ts', 'proxy.ts'];
const configFiles = ['package.json', 'next.config.ts', 'contentlayer.config.ts', 'tailwind.config.ts'];
// The build's own steps after `next build` change its output too.
const buildSteps = ['scripts/build-browser.mjs', 'scripts/strip-runtime.ts', 'server/next-build.ts'];
// Written by the build itself (scripts/build-browser.mjs: the pages' scripts, and Decap CMS's bundle copied from
// node_modules), so newer than the build's start without making it stale.
const generated = new Set(['public/scripts', 'public/cms']);

/** The time the newest source file under root was changed, leaving out what the build itself writes there. */
export function newestSourceTime(root = '.'): number {
  let newest = 0;
  const visit = (path: string): void => {
    const full = join(root, path);
    if (!existsSync(full) || generated.has(path)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) for (const entry of readdirSync(full)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  [...sources, ...configFiles, ...buildSteps].forEach(visit);
  return newest;
}

/** Whether .next holds a build newer than every source, made for siteUrl (for any SITE_URL when it is omitted). */
export function buildIsCurrent(siteUrl?: string): boolean {
  if (!existsSync(stampFile) || !isBuilt()) return false;
  const stamp: { siteUrl?: unknown; builtAt?: unknown } = JSON.parse(readFileSync(stampFile, 'utf8'));
  return (
    (siteUrl === undefined || stamp.siteUrl === siteUrl) &&
    typeof stamp.builtAt === 'number' &&
    stamp.builtAt >= newestSourceTime()
  );
}

/** Runs `npm run build` for siteUrl, its output on ours, and stamps the result; returns the build's exit status. */
export function build(siteUrl: string): number {
  console.log(`Building the site for ${siteUrl} …`);
  const builtAt = Date.now();
  const run = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, SITE_URL: siteUrl, NODE_ENV: 'production' },
  });
  if (run.status !== 0) return run.status ?? 1;
  writeFileSync(stampFile, JSON.stringify({ siteUrl, builtAt }));
  return 0;
}
