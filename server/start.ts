// `npm start`, once server/start.mjs has checked the Node.js version: build if needed, then serve the production
// site (server/server.ts). Honours PORT, HOSTNAME and SITE_URL (server/settings.ts).
// Static pages bake SITE_URL into their canonical and preview URLs, so a build made for another SITE_URL,
// or older than any source file, is rebuilt first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBuilt } from './next-build.ts';
import { serverSettingsOrExit } from './settings.ts';

// Read before the build, so a bad value stops the start at once rather than after it.
const { siteUrl } = serverSettingsOrExit();
// Ours, not Next.js's: which SITE_URL the build was made for, and when.
const stampFile = '.next/cotech-build.json';
const sources = ['app', 'components', 'content', 'lib', 'drizzle', 'public', 'instrumentation.ts', 'proxy.ts'];
const configFiles = ['package.json', 'next.config.ts', 'contentlayer.config.ts', 'tailwind.config.ts'];
// The build's own steps after `next build` change its output too.
const buildSteps = ['scripts/build-browser.mjs', 'scripts/strip-runtime.ts', 'server/next-build.ts'];
// Written by the build itself (scripts/build-browser.mjs), so never newer than the build in any way that counts.
const generated = new Set(['public/scripts']);

function newestSourceTime(): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path) || generated.has(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  [...sources, ...configFiles, ...buildSteps].forEach(visit);
  return newest;
}

function buildIsCurrent(): boolean {
  if (!existsSync(stampFile) || !isBuilt()) return false;
  const stamp: { siteUrl?: unknown; builtAt?: unknown } = JSON.parse(readFileSync(stampFile, 'utf8'));
  return stamp.siteUrl === siteUrl && typeof stamp.builtAt === 'number' && stamp.builtAt >= newestSourceTime();
}

// The build and the server both read SITE_URL (and the server NODE_ENV) from the environment.
process.env.SITE_URL = siteUrl;
// Next.js's types declare NODE_ENV read-only, as it is once Next.js runs; here it is set before it does.
Object.assign(process.env, { NODE_ENV: 'production' });
if (!buildIsCurrent()) {
  console.log(`Building the site for ${siteUrl} …`);
  const builtAt = Date.now();
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stampFile, JSON.stringify({ siteUrl, builtAt }));
}

await import('./server.ts');
