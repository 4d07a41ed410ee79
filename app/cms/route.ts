import { settings } from '@/lib/settings';
import { cmsSetup } from '@/lib/cms/config';
import { cmsPage } from '@/lib/cms/page';

// Read per request: the Git host is the deployment's, set in its environment, not the build's.
export const dynamic = 'force-dynamic';

/** The CMS's page; proxy.ts gives it its own CSP, allowing the Git host this configuration names. */
export function GET() {
  const setup = cmsSetup(settings(), process.env.NODE_ENV === 'development');
  return new Response(cmsPage(setup), {
    status: setup.configured ? 200 : 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' },
  });
}
