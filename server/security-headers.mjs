// Security headers for every response the server sends (see server/server.mjs).
//
// Content pages stay prerendered: their inline scripts are fixed at build time, so the CSP names them by hash,
// read from the built HTML when the server starts. Pages sent without the React runtime (scripts/strip-runtime.mjs)
// have none left, so their policy allows the site's own script files only. A nonce would force every page to
// render per request; only the dynamic admin pages use one (proxy.ts), and their CSP header replaces this one.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const inlineScript = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** sha256 sources for each inline script of each prerendered page, by URL path. */
export function prerenderedScriptHashes(distDir = '.next') {
  const appDir = join(distDir, 'server/app');
  const hashes = new Map();
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.html')) {
        const route = `/${relative(appDir, path).replace(/\.html$/, '')}`.replace(/\/index$/, '/');
        const html = readFileSync(path, 'utf8');
        const sources = [...html.matchAll(inlineScript)].map(
          ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
        );
        hashes.set(route === '/index' ? '/' : route, sources);
      }
    }
  };
  visit(appDir);
  return hashes;
}

export function contentSecurityPolicy(scriptSources) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSources.join(' ')}`.trim(),
    // Next.js and the no-JavaScript error page use inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Editors may show images from elsewhere (the About page's photo is on the wiki).
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

export const staticSecurityHeaders = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** The headers for a request path: the page's own script hashes, or the 404 page's for any other path. */
export function headersFor(pathname, hashes) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const sources = hashes.get(path) ?? hashes.get('/_not-found') ?? [];
  return { ...staticSecurityHeaders, 'content-security-policy': contentSecurityPolicy(sources) };
}
