import { NextResponse, type NextRequest } from 'next/server';
import { adminAccess, basicAuthChallenge } from '@/lib/admin/auth';
import { cmsSetup } from '@/lib/cms/config';
import { cmsContentSecurityPolicy, contentSecurityPolicy } from '@/lib/http/security-headers';

/**
 * The CMS's page gets a policy of its own, replacing the constant one: the Git host its configuration names, read
 * from the environment per request as the page is (app/cms/route.ts). Not indexed, like the admin.
 */
function cmsPolicy() {
  const setup = cmsSetup(process.env, process.env.NODE_ENV === 'development');
  const response = NextResponse.next();
  response.headers.set(
    'content-security-policy',
    cmsContentSecurityPolicy(setup.configured ? setup.connectOrigins : []),
  );
  response.headers.set('x-robots-tag', 'noindex');
  return response;
}

/** The members' admin: Basic auth on every /admin request, and nothing at all when no password is set. */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === '/cms') return cmsPolicy();
  const access = adminAccess(request.headers.get('authorization'));
  if (access === 'disabled') return NextResponse.rewrite(new URL('/admin-is-disabled', request.url), { status: 404 });
  if (access === 'denied') {
    return new NextResponse('Members only: sign in to see join enquiries.', {
      status: 401,
      headers: { 'www-authenticate': basicAuthChallenge, 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  // Admin pages render per request, so their scripts carry a fresh nonce; Next.js reads it from the request's
  // CSP header. This response header replaces the constant policy next.config.ts sets on every response.
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

export const config = { matcher: ['/cms', '/admin', '/admin/:path*', '/admin/enquiries.csv'] };
