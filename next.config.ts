import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Turbopack ignores withContentlayer's webpack hook: `npm run build` runs `contentlayer2 build` first instead.
  turbopack: {},
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite'],
};

export default nextConfig;
