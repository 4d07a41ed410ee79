// The security headers, defined once. next.config.ts sets them on every response Next.js sends (`headers()`),
// proxy.ts gives the admin pages their per-request nonce policy, and server/server.ts sends the same headers with
// the pages it answers from memory. Plain TypeScript without imports: Node.js runs it as it is (type stripping).

/** Sources a policy allows beyond the site's own, by directive. */
type ExtraSources = { connect?: readonly string[]; img?: readonly string[] };

/** A Content-Security-Policy allowing the site's own script files and the given extra script sources. */
export function contentSecurityPolicy(scriptSources: readonly string[] = [], extra: ExtraSources = {}): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(' '),
    // Next.js and the no-JavaScript error page use inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // A case study's image may be an https address (content/work); Markdown's images on other sites are left out
    // (lib/markdown.ts).
    ["img-src 'self' data: https:", ...(extra.img ?? [])].join(' '),
    "font-src 'self'",
    ["connect-src 'self'", ...(extra.connect ?? [])].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The policy of the CMS's page (/cms, proxy.ts): Decap CMS from the site's own files, talking to exactly the Git
 * host(s) its configuration names (lib/cms/config.ts). Decap compiles its configuration's JSON schema into a function
 * (ajv, with `new Function`), hence 'unsafe-eval', on this page alone. An upload (a co-op's logo) is a blob: URL in
 * the page: its preview shows it, and saving fetches it back to send its bytes with the entry, so blob: is allowed
 * to both; it names no host, only the page's own memory.
 */
export function cmsContentSecurityPolicy(gitOrigins: readonly string[]): string {
  return contentSecurityPolicy(["'unsafe-eval'"], { connect: [...gitOrigins, 'blob:'], img: ['blob:'] });
}

/**
 * Every response's headers. Public pages are sent without the React runtime and so have no inline script at all
 * (scripts/strip-runtime.ts fails the build otherwise): their policy is the same for every page and needs no
 * hash or nonce. Only the admin pages, which render per request, replace it with a nonce policy (proxy.ts).
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy(),
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'x-frame-options': 'DENY',
};

/**
 * Sent by proxy.ts with the pages that differ by who asks (sign-in, account, admin, CMS): no window of another
 * origin keeps a handle on them, so none can count their frames or time their navigations to learn who is signed
 * in. Public pages are the same for everyone and hold nothing to leak, so they go without: in Chromium the header
 * makes a page's navigation switch to a new renderer process, whose start-up Lighthouse measured as blocking time
 * on the home page (performance 89 to 100 with it, 100 in every run without).
 */
export const personalPageHeaders: Readonly<Record<string, string>> = {
  'cross-origin-opener-policy': 'same-origin',
};
