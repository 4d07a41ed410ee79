import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { settings } from '@/lib/settings';
import { cmsSetup } from '@/lib/cms/config';
import { cmsContentSecurityPolicy, contentSecurityPolicy } from '@/lib/http/security-headers';

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
  return response;
}

/**
 * The members' admin and the sign-in pages. An /admin request without a session cookie goes to /sign-in at once;
 * whether the cookie's session is valid, and whose it is, the admin checks itself against the database
 * (lib/admin/require-member.ts), as the proxy cannot see that. Every page here renders per request, so each gets
 * a nonce CSP, and none is indexed or cached.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/cms') return cmsPolicy();
  if (pathname.startsWith('/admin') && !getSessionCookie(request)) {
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
  return response;
}

export const config = {
  matcher: [
    '/cms',
    '/admin',
    '/admin/:path*',
    '/admin/enquiries.csv',
    '/sign-in',
    '/sign-in/check-your-mail',
    '/sign-in/confirm',
  ],
};
