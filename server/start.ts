// `npm start`, once server/start.mjs has checked the Node.js version: build if needed, then serve the production
// site (server/server.ts). Honours PORT, HOSTNAME and SITE_URL (lib/settings.ts); a build made for another
// SITE_URL, or older than any source file, is rebuilt first (server/build.ts).
import { settingsOrExit } from '../lib/settings.ts';
import { build, buildIsCurrent } from './build.ts';

// Every setting is checked before the build, so a bad value stops the start at once rather than after it.
const { SITE_URL: siteUrl } = settingsOrExit();

// The server reads SITE_URL and NODE_ENV from the environment.
process.env.SITE_URL = siteUrl;
// Next.js's types declare NODE_ENV read-only, as it is once Next.js runs; here it is set before it does.
Object.assign(process.env, { NODE_ENV: 'production' });
if (!buildIsCurrent(siteUrl)) {
  const status = build(siteUrl);
  if (status !== 0) process.exit(status);
}

await import('./server.ts');
