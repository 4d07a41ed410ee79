import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  // Turbopack ignores withContentlayer's webpack hook: `npm run build` runs `contentlayer2 build` first instead.
  turbopack: {},
  poweredByHeader: false,
  // `NEXT_OUTPUT=standalone npm run build` makes a self-contained server (.next/standalone/server.js); the build's
  // last step strips and completes it like the main output (scripts/strip-runtime.mjs).
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  serverExternalPackages: ['@electric-sql/pglite'],
  // Security lives where Next.js owns the response, so it holds however the build is started (`npm start`,
  // `next start`, standalone). The admin's nonce policy replaces the CSP on its pages (proxy.ts).
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
