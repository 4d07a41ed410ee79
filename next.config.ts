import type { NextConfig } from 'next';
import { settingsOrExit } from './lib/settings';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';
import { contentSecurityPolicy, securityHeaders } from './lib/http/security-headers';
import { loadRedirects } from './lib/content/redirects';
import { uploadBodyBytes } from './lib/http/body-limit';

/**
 * `next dev` sends every page with React's inline scripts (the production build takes them out of public pages,
 * scripts/strip-runtime.ts) and evaluates modules for Fast Refresh: under the production policy React could not
 * start, and links would load whole documents instead of navigating. Only the development server relaxes it.
 */
const developmentHeaders = {
  ...securityHeaders,
  'content-security-policy': contentSecurityPolicy(["'unsafe-inline'", "'unsafe-eval'"]),
};

const nextConfig = (phase: string): NextConfig => ({
  // Turbopack ignores withContentlayer's webpack hook: `npm run build` runs `contentlayer2 build` first instead.
  turbopack: {},
  poweredByHeader: false,
  // `NEXT_OUTPUT=standalone npm run build` makes a self-contained server (.next/standalone/server.js); the build's
  // last step strips and completes it like the main output (scripts/strip-runtime.ts).
  output: settingsOrExit().NEXT_OUTPUT,
  serverExternalPackages: ['@electric-sql/pglite'],
  // The embedded database's thread loads PGlite and pglite-socket by their paths at run time
  // (lib/db/embedded-thread.ts, and the backups' cleaning in lib/db/backup.ts), which no import shows: a standalone
  // build is told to copy them.
  outputFileTracingIncludes: {
    '/**': [
      './node_modules/@electric-sql/pglite/package.json',
      './node_modules/@electric-sql/pglite/dist/**',
      './node_modules/@electric-sql/pglite-socket/package.json',
      './node_modules/@electric-sql/pglite-socket/dist/index.cjs',
    ],
  },
  // No body the site takes is larger (lib/http/body-limit.ts): `npm start`'s server and proxy.ts refuse larger ones
  // by their headers, and these bound what Next.js itself buffers (1 MB and 10 MB by default) if one gets here. A
  // Server Action over the limit is refused by Next.js after reading that much.
  experimental: {
    // The largest of the limits: Next.js has one for every path; the per-path limits are checked first.
    serverActions: { bodySizeLimit: uploadBodyBytes },
    proxyClientMaxBodySize: uploadBodyBytes,
  },
  // Security lives where Next.js owns the response, so it holds however the build is started (`npm start`,
  // `next start`, standalone). The admin's nonce policy replaces the CSP on its pages (proxy.ts).
  async headers() {
    const headers = phase === PHASE_DEVELOPMENT_SERVER ? developmentHeaders : securityHeaders;
    return [{ source: '/:path*', headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
  // Moved pages, from content/redirects.yml: 308s that every way of starting the build serves. A bad entry stops the
  // build here with its line; the content build has already checked each target is a page and no source is one.
  async redirects() {
    return loadRedirects().map(({ from, to }) => ({ source: from, destination: to, permanent: true }));
  },
});

export default nextConfig;
