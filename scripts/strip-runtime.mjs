// Public pages are documents: once Next.js has prerendered them, the browser needs their HTML and CSS, not React.
// After `next build`, this takes the framework's scripts (the React and App Router runtime, the RSC payload that
// hydrates it, and their preloads) out of every prerendered page that has nothing for React to do in the browser.
// The few interactive parts are small scripts of their own (components/browser-script.tsx), which stay.
//
// A page keeps the runtime when it needs it: when it uses a client component of this project (other than those
// that render the same on the server, below) or of a library, or when its HTML still waits for React to reveal
// streamed content. Links between documents are plain links; the RSC payloads stay for the admin pages' router.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { outputBase, prerenderedRoutes } from '../server/prerendered.mjs';

// Client components whose server-rendered HTML is already all they do on a prerendered page: the navigation marks
// the current page from its path, which is known when the page is rendered.
const rendersOnServer = new Set(['[project]/components/site-nav.tsx']);
const frameworkModule = /^\[project\]\/node_modules\/next\//;

const script = /<script\b([^>]*)>[\s\S]*?<\/script>/g;
const link = /<link\b([^>]*)\/?>/g;
const attribute = (attributes, name) => new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(attributes)?.[1];
// Suspense content that streamed after the shell sits in a template or hidden div until React's script moves it.
const awaitsReact = /<template id="[BP]:|<div hidden id="S:/;

/** The page's HTML without the framework's scripts; scripts from elsewhere and data blocks (JSON-LD) stay. */
export function stripRuntime(html) {
  return html
    .replace(script, (tag, attributes) => {
      const src = attribute(attributes, 'src');
      const isData = /json/i.test(attribute(attributes, 'type') ?? '');
      return isData || (src && !src.startsWith('/_next/')) ? tag : '';
    })
    .replace(link, (tag, attributes) => {
      const rel = attribute(attributes, 'rel');
      const preloadsScript = rel === 'modulepreload' || (rel === 'preload' && attribute(attributes, 'as') === 'script');
      return preloadsScript ? '' : tag;
    });
}

/** The client modules a route's page uses, from the build's client reference manifest; undefined if there is none. */
function clientModules(distDir, srcRoute) {
  const file = join(distDir, 'server/app', srcRoute === '/' ? '' : srcRoute, 'page_client-reference-manifest.js');
  if (!existsSync(file)) return undefined;
  const sandbox = {};
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  return Object.values(sandbox.__RSC_MANIFEST ?? {}).flatMap((manifest) => Object.keys(manifest.clientModules ?? {}));
}

/** Why a prerendered page must keep the runtime, or undefined when it can do without. */
export function runtimeNeed(html, modules) {
  if (!modules) return 'no client reference manifest';
  const needs = modules.filter((module) => !frameworkModule.test(module) && !rendersOnServer.has(module));
  if (needs.length) return `client components ${needs.join(', ')}`;
  if (awaitsReact.test(html)) return 'streamed content that React reveals';
  return undefined;
}

/** Rewrites the build's prerendered pages in place; returns the paths stripped and those kept, with why. */
export function stripBuild(distDir = '.next') {
  const stripped = [];
  const kept = [];
  // One manifest per route: the pages of a dynamic route (every co-op's) share their route's.
  const modulesOf = new Map();
  for (const [path, route] of Object.entries(prerenderedRoutes(distDir))) {
    if (route.routeType !== 'page') continue;
    const file = `${outputBase(distDir, path)}.html`;
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const srcRoute = route.srcRoute ?? path;
    if (!modulesOf.has(srcRoute)) modulesOf.set(srcRoute, clientModules(distDir, srcRoute));
    const need = runtimeNeed(html, modulesOf.get(srcRoute));
    if (need) {
      kept.push({ path, need });
      continue;
    }
    writeFileSync(file, stripRuntime(html));
    stripped.push(path);
  }
  return { stripped, kept };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { stripped, kept } = stripBuild();
  console.log(`Sent without the React runtime: ${stripped.length} prerendered pages.`);
  for (const { path, need } of kept) console.log(`Keeps the runtime: ${path} (${need})`);
}
