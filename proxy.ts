import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { settings } from '@/lib/settings';
import { cmsSetup } from '@/lib/cms/config';
import { bodyRefusal } from '@/lib/http/body-limit';
import { canonicalPath } from '@/lib/http/canonical-path';
import { cmsContentSecurityPolicy, contentSecurityPolicy, personalPageHeaders } from '@/lib/http/security-headers';

/**
 * The CMS's page gets a policy of its own, replacing the constant one: the Git host its configuration names, read
 * from the environment per request as the page is (app/cms/route.ts). Not indexed, like the admin.
 */
function cmsPolicy() {
  const setup = cmsSetup(settings(), process.env.NODE_ENV === 'development');
  const response = NextResponse.next();
  response.headers.set(
    'content-security-policy',
    cmsContentSecurityPolicy(setup.configured ? setup.connectOrigins : []),
  );
  response.headers.set('x-robots-tag', 'noindex');
  return personal(response);
}

/** The headers of a page that differs by who asks (lib/http/security-headers.ts). */
function personal(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(personalPageHeaders)) response.headers.set(name, value);
  return response;
}

/**
 * What `npm start`'s server refuses before Next.js sees it, for `next start`: a body over its path's limit or
 * without a length (lib/http/body-limit.ts), and a percent-encoded path Next.js would answer 500
 * (lib/http/canonical-path.ts), redirected to its canonical form. Next.js has begun reading such a body into its
 * proxy buffer (bounded in next.config.ts); what is refused here reaches no route.
 */
function refusal(request: NextRequest): Response | undefined {
  const path = request.nextUrl.pathname;
  const refused = bodyRefusal(path, request.headers.get('content-length'), request.headers.get('transfer-encoding'));
  if (refused) return plain(refused.status, refused.reason);
  const raw = new URL(request.url).pathname;
  if (!raw.includes('%')) return undefined;
  const canonical = canonicalPath(raw);
  if (canonical === undefined) return plain(404, 'Not found.');
  if (canonical === raw) return undefined;
  const url = new URL(request.url);
  url.pathname = canonical;
  return NextResponse.redirect(url, 308);
}

function plain(status: number, reason: string): Response {
  return new Response(`${reason}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' },
  });
}

/** The pages this proxy gives a nonce policy, or the CMS's own; the rest only pass through refusal(). */
const ownPage = (path: string) =>
  path === '/cms' ||
  path === '/admin' ||
  path.startsWith('/admin/') ||
  path === '/account' ||
  path.startsWith('/account/') ||
  path === '/sign-in' ||
  path.startsWith('/sign-in/');

/**
 * The members' admin, the account area and the sign-in pages. An /admin or /account request without a session
 * cookie goes to /sign-in at once; whether the cookie's session is valid, and whose it is, each page checks itself
 * against the database (lib/admin/require-member.ts, lib/account/require-person.ts), as the proxy cannot see that.
 * Every page here renders per request, so each gets a nonce CSP, and none is indexed or cached.
 */
export function proxy(request: NextRequest) {
  const refused = refusal(request);
  if (refused) return refused;
  const { pathname } = request.nextUrl;
  if (!ownPage(pathname)) return NextResponse.next();
  if (pathname === '/cms') return cmsPolicy();
  if ((pathname.startsWith('/admin') || pathname.startsWith('/account')) && !getSessionCookie(request)) {
    const response = NextResponse.redirect(new URL('/sign-in', request.url), 303);
    response.headers.set('cache-control', 'no-store');
    return response;
  }
  // Next.js reads the nonce from the request's CSP header. This response header replaces the constant policy
  // next.config.ts sets on every response.
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy([`'nonce-${nonce}'`, "'strict-dynamic'"]);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  response.headers.set('cache-control', 'no-store');
  response.headers.set('x-robots-tag', 'noindex');
  return personal(response);
}

export const config = {
  matcher: [
    '/cms',
    '/admin',
    '/admin/:path*',
    '/admin/enquiries.csv',
    '/account',
    '/account/:path*',
    '/sign-in',
    '/sign-in/check-your-mail',
    '/sign-in/confirm',
    // Any request with a body, and any path with a percent sign, for refusal().
    { source: '/:path*', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'transfer-encoding' }] },
    '/(.*%.*)',
  ],
};
