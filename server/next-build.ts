// Everything the site reads of Next.js's build output (.next): files Next.js writes for its own use, not a
// documented interface. server/prerendered.ts sends prerendered pages from memory with the headers the build
// recorded, scripts/strip-runtime.ts takes the React runtime out of them, scripts/bench.mjs has a page rendered
// again, and the enquiry route (app/api/[endpoint]/route.ts) links the app's stylesheet in the pages it renders
// itself; all read the build here and only here, each file checked against the shape this code relies on (zod). When a Next.js upgrade changes one, the
// error names the file, and `npm run build` fails at its last step (scripts/strip-runtime.ts calls
// checkBuildOutput) instead of a server quietly sending pages without their headers, or with the runtime the
// Content-Security-Policy blocks.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as z from 'zod/mini';

/** The error for a build output file whose shape is not the one this module reads. */
const changed = (file: string, problem: string) =>
  new Error(
    `${file} ${problem}: Next.js's build output changed shape. Update server/next-build.ts for this Next.js version.`,
  );

/** The problem zod found, as `path: message` (the path says where in the file). */
function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match';
  const where = issue.path.length ? issue.path.map(String).join('.') : '(the whole file)';
  return `${where}: ${issue.message}`;
}

function parse<T>(file: string, schema: z.ZodMiniType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw changed(file, `is not as expected (${firstIssue(result.error)})`);
  return result.data;
}

function readJson<T>(file: string, schema: z.ZodMiniType<T>): T {
  if (!existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, 'utf8'));
  } catch {
    throw changed(file, 'is not JSON');
  }
  return parse(file, schema, data);
}

// prerender-manifest.json: every route the build prerendered, by URL path.
const prerenderedRoute = z.object({
  routeType: z.enum(['page', 'route']),
  // false: never revalidated; a number of seconds otherwise. A build that named this differently would make every
  // page look revalidated, and none would be sent from memory.
  initialRevalidateSeconds: z.union([z.number(), z.literal(false)]),
  initialStatus: z.optional(z.number()),
  srcRoute: z.optional(z.nullable(z.string())),
  // A page's RSC payload, as a URL path (`/about.rsc`); a route has none.
  dataRoute: z.optional(z.nullable(z.string())),
});
export type PrerenderedRoute = z.infer<typeof prerenderedRoute>;
const prerenderManifest = z.object({ routes: z.record(z.string(), prerenderedRoute) });

/** The build's prerendered routes by URL path. */
export function prerenderedRoutes(distDir = '.next'): Record<string, PrerenderedRoute> {
  return readJson(join(distDir, 'prerender-manifest.json'), prerenderManifest).routes;
}

// prerender-manifest.json's `preview`: a key Next.js takes, as the `x-prerender-revalidate` header, to render a
// prerendered page again rather than send it (what every page would cost if it were rendered per request). Not part
// of checkBuildOutput: only the benchmark uses it, and it fails on its own when the key moves.
const prerenderPreview = z.object({ preview: z.object({ previewModeId: z.string() }) });

/** The key that has Next.js render a prerendered page again when a request sends it as `x-prerender-revalidate`. */
export function revalidationKey(distDir = '.next'): string {
  return readJson(join(distDir, 'prerender-manifest.json'), prerenderPreview).preview.previewModeId;
}

// routes-manifest.json: next.config.ts `headers()`, each rule with the regular expression its source compiled to.
const headerRule = z.object({
  regex: z.string(),
  headers: z.array(z.object({ key: z.string(), value: z.string() })),
  // Conditions on the request (cookies, headers, the query): a path with such a rule is left to Next.js.
  has: z.optional(z.array(z.unknown())),
  missing: z.optional(z.array(z.unknown())),
});
export type HeaderRule = z.infer<typeof headerRule>;
const routesManifest = z.object({ headers: z.array(headerRule) });

/** The header rules next.config.ts `headers()` gives, as the build recorded them. */
export function headerRules(distDir = '.next'): HeaderRule[] {
  return readJson(join(distDir, 'routes-manifest.json'), routesManifest).headers;
}

// proxy.ts, compiled: its `matcher` as regular expressions, in functions-config-manifest.json when it runs on
// Node.js (Next.js 16's default) and in middleware-manifest.json on the edge runtime. A build without a proxy may
// write neither. A matcher may hold conditions on the request (`has`, `missing`: a header, a cookie, the host or
// a query parameter, with a value as a regular expression or any value): it matches only a request that meets them.
const condition = z.object({
  type: z.enum(['header', 'cookie', 'host', 'query']),
  key: z.optional(z.string()),
  value: z.optional(z.string()),
});
export type RequestCondition = z.infer<typeof condition>;
const matchers = z.array(
  z.object({ regexp: z.string(), has: z.optional(z.array(condition)), missing: z.optional(z.array(condition)) }),
);
/** A path proxy.ts runs on, and what a request to it must have and must not have for the proxy to run. */
export type ProxyMatcher = { path: RegExp; has: RequestCondition[]; missing: RequestCondition[] };
const functionsConfigManifest = z.object({
  functions: z.record(z.string(), z.object({ matchers: z.optional(matchers) })),
});
const middlewareManifest = z.object({ middleware: z.record(z.string(), z.object({ matchers })) });

/** The paths proxy.ts runs on, Node.js or edge runtime, each with its conditions on the request. */
export function proxyMatchers(distDir = '.next'): ProxyMatcher[] {
  const optional = <T>(file: string, schema: z.ZodMiniType<T>) =>
    existsSync(join(distDir, 'server', file)) ? readJson(join(distDir, 'server', file), schema) : undefined;
  const nodeProxy = optional('functions-config-manifest.json', functionsConfigManifest)?.functions['/_middleware'];
  const edgeProxies = Object.values(optional('middleware-manifest.json', middlewareManifest)?.middleware ?? {});
  return [nodeProxy, ...edgeProxies]
    .flatMap((proxy) => proxy?.matchers ?? [])
    .map(({ regexp, has = [], missing = [] }) => ({ path: new RegExp(regexp), has, missing }));
}

// required-server-files.json: the settings the build was made with (next.config.ts, as resolved).
const requiredServerFiles = z.object({
  config: z.object({
    output: z.optional(z.nullable(z.string())),
    basePath: z.string(),
    assetPrefix: z.string(),
  }),
});
export type BuildConfig = z.infer<typeof requiredServerFiles>['config'];

/** The settings the build was made with. */
export function buildConfig(distDir = '.next'): BuildConfig {
  return readJson(join(distDir, 'required-server-files.json'), requiredServerFiles).config;
}

/**
 * Where the build wrote a prerendered route's output: a page's HTML, or a route's body, its `.meta`, and a page's
 * RSC payload (`data`) when the manifest names one. Rendering the route again writes over them.
 */
export function routeOutputFiles(
  distDir: string,
  path: string,
  route: Pick<PrerenderedRoute, 'routeType' | 'dataRoute'>,
): { body: string; meta: string; data?: string } {
  const app = join(distDir, 'server/app');
  const base = join(app, path === '/' ? 'index' : path);
  return {
    body: `${base}${route.routeType === 'page' ? '.html' : '.body'}`,
    meta: `${base}.meta`,
    ...(route.dataRoute && { data: join(app, route.dataRoute) }),
  };
}

// A prerendered route's .meta (a page has one too): the status and headers its response goes out with.
const routeMeta = z.object({
  status: z.optional(z.number()),
  headers: z.optional(z.record(z.string(), z.string())),
});
export type RouteMeta = z.infer<typeof routeMeta>;

/** The status and headers a prerendered route's output goes out with. */
export function readRouteMeta(file: string): RouteMeta {
  return readJson(file, routeMeta);
}

// page_client-reference-manifest.js: a script that records, on globalThis, the client modules each page uses.
const clientReferenceManifest = z.record(z.string(), z.object({ clientModules: z.record(z.string(), z.unknown()) }));

/** The client reference manifest of a route's page, by its source route (`/`, `/[slug]`). */
const clientReferenceManifestFile = (distDir: string, srcRoute: string) =>
  join(distDir, 'server/app', srcRoute === '/' ? '' : srcRoute, 'page_client-reference-manifest.js');

/** What a client reference manifest records, checked against `schema`. */
function readClientReferenceManifest<T>(file: string, schema: z.ZodMiniType<T>): T {
  const sandbox: { __RSC_MANIFEST?: unknown } = {};
  try {
    runInNewContext(readFileSync(/*turbopackIgnore: true*/ file, 'utf8'), sandbox);
  } catch (error) {
    throw changed(file, `does not run (${error instanceof Error ? error.message : String(error)})`);
  }
  return parse(file, schema, sandbox.__RSC_MANIFEST);
}

/** The client modules a route's page uses, from the build's client reference manifest; undefined if there is none. */
export function clientModules(distDir: string, srcRoute: string): string[] | undefined {
  const file = clientReferenceManifestFile(distDir, srcRoute);
  if (!existsSync(file)) return undefined;
  const manifest = readClientReferenceManifest(file, clientReferenceManifest);
  return Object.values(manifest).flatMap((page) => Object.keys(page.clientModules));
}

// The home page's client reference manifest also names the stylesheets of each segment its page is made of
// (`entryCSSFiles`, by module): the root layout's are the app's stylesheet, which every page links. A stylesheet
// Next.js inlines into the page (`inlined: true`, experimental.inlineCss) has no file to link.
const rootLayoutModule = '[project]/app/layout';
const entryStylesheets = z.record(
  z.string(),
  z.object({
    entryCSSFiles: z.record(z.string(), z.array(z.object({ path: z.string(), inlined: z.literal(false) }))),
  }),
);

/**
 * The addresses of the app's stylesheet (the root layout's), as every page links them: for a document the app
 * renders outside its pages (components/route-page.tsx: the answer to a form post, a thanks page with its reference). Read by a route handler
 * as it runs, hence the bundler's leave to read a file it cannot know (`turbopackIgnore`) in this module.
 */
export function layoutStylesheets(distDir = '.next'): string[] {
  const file = clientReferenceManifestFile(distDir, '/');
  if (!existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  const manifest = readClientReferenceManifest(file, entryStylesheets);
  const stylesheets = Object.values(manifest).flatMap((page) => page.entryCSSFiles[rootLayoutModule] ?? []);
  if (stylesheets.length === 0) throw changed(file, `names no stylesheet for ${rootLayoutModule}`);
  return [...new Set(stylesheets.map(({ path }) => `/_next/${path}`))];
}

/**
 * The class of the prerendered home page's <html> element, which the root layout sets: the font's variable
 * (next/font), which the stylesheet's `font-sans` reads. next/font gives its class names only to the pages it compiles,
 * not to a route handler, so a document the app renders outside its pages takes it from here.
 */
export function layoutHtmlClassName(distDir = '.next'): string {
  const file = join(distDir, 'server/app/index.html');
  if (!existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  const html = /<html\b[^>]*>/.exec(readFileSync(/*turbopackIgnore: true*/ file, 'utf8'))?.[0];
  const className = html && /\sclass="([^"]+)"/.exec(html)?.[1];
  if (!className) throw changed(file, 'has no <html> element with a class');
  return className;
}

/** Where `output: 'standalone'` puts its copy of the build output (it copies the prerendered pages there). */
export const standaloneDistDir = (distDir: string): string => join(distDir, 'standalone', basename(distDir));

/** Whether `distDir` holds a build (`next build` writes its BUILD_ID). */
export const isBuilt = (distDir = '.next'): boolean => existsSync(join(distDir, 'BUILD_ID'));

/**
 * Reads every build output file the site relies on and checks its shape, throwing an error that names the first
 * file that is missing or changed. Run at the end of `npm run build`, so a Next.js upgrade that changes
 * one fails the build rather than the site.
 */
export function checkBuildOutput(distDir = '.next'): void {
  buildConfig(distDir);
  headerRules(distDir);
  proxyMatchers(distDir);
  const routes = prerenderedRoutes(distDir);
  const manifestFile = join(distDir, 'prerender-manifest.json');
  const srcRoutes = new Set<string>();
  for (const [path, route] of Object.entries(routes)) {
    const files = routeOutputFiles(distDir, path, route);
    for (const file of [files.body, files.meta]) {
      if (!existsSync(file)) throw changed(manifestFile, `lists ${path}, but ${file} is missing`);
    }
    readRouteMeta(files.meta);
    if (route.routeType === 'page') srcRoutes.add(route.srcRoute ?? path);
  }
  for (const srcRoute of srcRoutes) clientModules(distDir, srcRoute);
  layoutStylesheets(distDir);
  layoutHtmlClassName(distDir);
}
