// `npm start`: build if needed, then serve the production site (server/server.mjs).
// Honours PORT, HOSTNAME and SITE_URL.
// Static pages bake SITE_URL into their canonical and preview URLs, so a build made for another SITE_URL,
// or older than any source file, is rebuilt first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const port = process.env.PORT || '3000';
const siteUrl = process.env.SITE_URL || `http://localhost:${port}`;
const stampFile = '.next/cotech-build.json';
const sources = ['app', 'components', 'content', 'lib', 'drizzle', 'public', 'instrumentation.ts', 'proxy.ts'];
const configFiles = ['package.json', 'next.config.ts', 'contentlayer.config.ts', 'tailwind.config.ts'];
// The build's own steps after `next build` change its output too.
const buildSteps = ['scripts/build-browser.mjs', 'scripts/strip-runtime.mjs'];
// Written by the build itself (scripts/build-browser.mjs), so never newer than the build in any way that counts.
const generated = new Set(['public/scripts']);

function newestSourceTime() {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path) || generated.has(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  [...sources, ...configFiles, ...buildSteps].forEach(visit);
  return newest;
}

function buildIsCurrent() {
  if (!existsSync(stampFile) || !existsSync('.next/BUILD_ID')) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  return stamp.siteUrl === siteUrl && stamp.builtAt >= newestSourceTime();
}

// The build and the server both read SITE_URL (and the server NODE_ENV) from the environment.
process.env.SITE_URL = siteUrl;
process.env.NODE_ENV = 'production';
if (!buildIsCurrent()) {
  console.log(`Building the site for ${siteUrl} …`);
  const builtAt = Date.now();
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stampFile, JSON.stringify({ siteUrl, builtAt }));
}

await import('./server.mjs');
