// Global setup of the PostgreSQL suite (vitest.pg.config.ts): its tests that run the built site as `npm start` does
// (lib/enquiries/instances.pg.test.ts, outage.pg.test.ts) get a current build, made here if .next has none, or
// one older than a source file. A build made for any SITE_URL serves them: they read no canonical address.
import { build, buildIsCurrent } from '@/server/build';

export default function builtSite() {
  if (buildIsCurrent()) return;
  const status = build('http://localhost:3000');
  if (status !== 0) throw new Error(`npm run build failed (exit ${status}); the tests that run the built site need it`);
}
