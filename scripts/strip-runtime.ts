// Public pages are documents: once Next.js has prerendered them, the browser needs their HTML and CSS, not React.
// After `next build`, this takes the framework's scripts (the React and App Router runtime, the RSC payload that
// hydrates it, and their preloads) out of every prerendered page that has nothing for React to do in the browser.
// The few interactive parts are small scripts of their own (components/browser-script.tsx), which stay.
//
// A page keeps the runtime when it needs it: when it uses a client component of this project (other than those
// that render the same on the server, below) or of a library, or when its HTML still waits for React to reveal
// streamed content. Links between documents are plain links; the RSC payloads stay for the admin pages' router.
//
// Public pages' Content-Security-Policy is one constant allowing no inline script (lib/http/security-headers.ts), so
// a prerendered page that kept the runtime would break in the browser: the build fails instead, naming it. So it
// does when Next.js's output changes shape (every build file read here is read and checked by server/next-build.ts,
// first of all when this runs as the build's last step), or under a setting the strip cannot honour (basePath,
// assetPrefix).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  buildConfig,
  checkBuildOutput,
  clientModules,
  prerenderedRoutes,
  routeOutputFiles,
  standaloneDistDir,
  type BuildConfig,
} from '../server/next-build.ts';

// Client components whose server-rendered HTML is already all they do on a prerendered page: the navigation marks
// the current page from its path, which is known when the page is rendered.
const rendersOnServer = new Set(['[project]/components/site-nav.tsx']);
const frameworkModule = /^\[project\]\/node_modules\/next\//;

const script = /<script\b([^>]*)>[\s\S]*?<\/script>/g;
const link = /<link\b([^>]*)\/?>/g;
const attribute = (attributes: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(attributes)?.[1];
// Suspense content that streamed after the shell sits in a template or hidden div until React's script moves it.
const awaitsReact = /<template id="[BP]:|<div hidden id="S:/;

/** The page's HTML without the framework's scripts; scripts from elsewhere and data blocks (JSON-LD) stay. */
export function stripRuntime(html: string): string {
  return html
    .replace(script, (tag, attributes: string) => {
      const src = attribute(attributes, 'src');
      const isData = /json/i.test(attribute(attributes, 'type') ?? '');
      return isData || (src && !src.startsWith('/_next/')) ? tag : '';
    })
    .replace(link, (tag, attributes: string) => {
      const rel = attribute(attributes, 'rel');
      const preloadsScript = rel === 'modulepreload' || (rel === 'preload' && attribute(attributes, 'as') === 'script');
      return preloadsScript ? '' : tag;
    });
}

/** Why a prerendered page must keep the runtime, or undefined when it can do without. */
export function runtimeNeed(html: string, modules: readonly string[] | undefined): string | undefined {
  if (!modules) return 'no client reference manifest';
  const needs = modules.filter((module) => !frameworkModule.test(module) && !rendersOnServer.has(module));
  if (needs.length) return `client components ${needs.join(', ')}`;
  if (awaitsReact.test(html)) return 'streamed content that React reveals';
  return undefined;
}

/** The build's settings, as it recorded them; refuses those the strip cannot honour. */
export function buildSettings(distDir = '.next'): BuildConfig {
  const config = buildConfig(distDir);
  for (const setting of ['basePath', 'assetPrefix'] as const) {
    if (config[setting]) {
      throw new Error(
        `next.config sets ${setting} (${JSON.stringify(config[setting])}), which this site does not support: the ` +
          "runtime strip and the site's own links and scripts assume it is served from the root of its host. " +
          'Serve it from the root of a (sub)domain instead.',
      );
    }
  }
  return config;
}

// An inline script that runs (not a JSON data block): what the public pages' policy would block.
const inlineScript = /<script\b(?![^>]*\bsrc=)(?![^>]*\btype="application\/(ld\+)?json")[^>]*>/i;

/**
 * Rewrites the build's prerendered pages in place, and their copies in a standalone build, and returns the paths
 * stripped. Throws before writing anything when a page needs the runtime, and after when a stripped page still
 * has an inline script (Next.js's output changed).
 */
export function stripBuild(distDir = '.next'): { stripped: string[]; standalone: string | undefined } {
  const { output } = buildSettings(distDir);
  const routes = prerenderedRoutes(distDir);
  if (Object.keys(routes).length === 0) throw new Error(`${distDir} has no prerendered routes: nothing to strip.`);
  const pages: { path: string; file: string; html: string }[] = [];
  const needs: string[] = [];
  // One manifest per route: the pages of a dynamic route (every co-op's) share their route's.
  const modulesOf = new Map<string, string[] | undefined>();
  for (const [path, route] of Object.entries(routes)) {
    if (route.routeType !== 'page') continue;
    const file = routeOutputFiles(distDir, path, route).body;
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const srcRoute = route.srcRoute ?? path;
    if (!modulesOf.has(srcRoute)) modulesOf.set(srcRoute, clientModules(distDir, srcRoute));
    const need = runtimeNeed(html, modulesOf.get(srcRoute));
    if (need) needs.push(`${path} (${need})`);
    else pages.push({ path, file, html: stripRuntime(html) });
  }
  if (needs.length) {
    throw new Error(
      "These prerendered pages need the React runtime, which public pages' Content-Security-Policy does not allow: " +
        `${needs.join('; ')}. Give their interactive part a browser script (components/*.browser.ts) instead.`,
    );
  }
  const left = pages.filter(({ html }) => inlineScript.test(html)).map(({ path }) => path);
  if (left.length) {
    throw new Error(`The strip left inline scripts in ${left.join(', ')}: Next.js's output changed shape.`);
  }
  // `output: 'standalone'` copied the pages before this step ran: its copies get the same bytes.
  const standalone = output === 'standalone' ? standaloneDistDir(distDir) : undefined;
  for (const { file, html } of pages) {
    writeFileSync(file, html);
    if (standalone) writeFileSync(join(standalone, relative(distDir, file)), html);
  }
  return { stripped: pages.map(({ path }) => path), standalone };
}

/**
 * Makes a standalone build whole: Next.js leaves copying `public/` and `.next/static` to the deployer, and the
 * database migrations are read from `drizzle/` at start.
 */
export function completeStandalone(distDir = '.next'): void {
  const standalone = join(distDir, 'standalone');
  cpSync('public', join(standalone, 'public'), { recursive: true });
  cpSync(join(distDir, 'static'), join(standaloneDistDir(distDir), 'static'), { recursive: true });
  cpSync('drizzle', join(standalone, 'drizzle'), { recursive: true });
}

if (import.meta.main) {
  try {
    // Every build output file this site reads, checked first: a Next.js upgrade that changed one fails the build.
    checkBuildOutput();
    const { stripped, standalone } = stripBuild();
    if (standalone) completeStandalone();
    console.log(
      `Sent without the React runtime: ${stripped.length} prerendered pages${standalone ? ' (and in the standalone build)' : ''}.`,
    );
  } catch (error) {
    console.error(`scripts/strip-runtime.ts: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
