// Signing in as a browser does, for tests: over HTTP to a running site (here, which e2e specs load too, so it
// imports nothing of the server), or in-process through the routes' own handlers (./in-process.ts). Both send the
// same forms, made here.
import type { ReceivedMail } from '@/test/smtp-sink';

/** How a helper sends its requests: `fetch`, or a caller's function with fetch's shape (the life suite records). */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** The Cookie header a browser would send after the answer's Set-Cookie headers. */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** The form the button of the page a mailed sign-in link opens posts to /sign-in/link. */
export function signInButtonForm(link: URL): URLSearchParams {
  return new URLSearchParams({
    token: link.searchParams.get('token') ?? '',
    email: link.searchParams.get('email') ?? '',
  });
}

/** The link (to our confirmation page) and the code in a sign-in mail's text; throws when either is missing. */
export function signInMailParts(text: string): { link: URL; code: string } {
  const link = /https?:\/\/\S+\/sign-in\/confirm\?\S+/.exec(text)?.[0];
  const code = /code on the sign-in page, with your address: (\d+)/.exec(text)?.[1];
  if (!link || !code) throw new Error(`the mail has no sign-in link or code:\n${text}`);
  return { link: new URL(link), code };
}

/** Asks for a sign-in mail as /sign-in's form does when posted; throws unless the answer is "check your mail". */
export async function askForSignIn(
  site: string,
  email: string,
  headers: Record<string, string> = {},
  send: Fetcher = fetch,
): Promise<void> {
  const asked = await send(`${site}/sign-in/request`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ email }),
    redirect: 'manual',
  });
  if (asked.headers.get('location') !== '/sign-in/check-your-mail') {
    throw new Error(`asking for a sign-in mail answered ${asked.status} to ${asked.headers.get('location')}`);
  }
}

/** Presses the button of the page a mailed sign-in link opens, from the site's own origin; returns the answer. */
export function pressSignInButton(
  site: string,
  link: URL,
  headers: Record<string, string> = {},
  send: Fetcher = fetch,
): Promise<Response> {
  return send(`${site}/sign-in/link`, {
    method: 'POST',
    headers: { ...headers, origin: site },
    body: signInButtonForm(link),
    redirect: 'manual',
  });
}

/** What `find` finds, asked every 100 ms for up to 15 s; throws `missing` if it never does. */
async function waitFor<T>(find: () => T | undefined, missing: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (let found = find(); ; found = find()) {
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(missing);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends the code from a sign-in mail with its address, as the form on /sign-in does; returns the answer. */
export function postSignInCode(
  site: string,
  email: string,
  code: string,
  headers: Record<string, string> = {},
  send: Fetcher = fetch,
): Promise<Response> {
  return send(`${site}/sign-in/code`, {
    method: 'POST',
    headers: { ...headers, origin: site },
    body: new URLSearchParams({ email, code }),
    redirect: 'manual',
  });
}

/**
 * Signs in to a running site without SMTP_URL, which writes each sign-in mail's link to its log (`output`): asks
 * for a mail, finds the link for `email` among those logged since, and presses the button of the page it opens.
 * Returns the Cookie header.
 */
export async function signInFromLog(site: string, email: string, output: () => string): Promise<string> {
  const before = output().length;
  await askForSignIn(site, email);
  const link = await waitFor(
    () =>
      [
        ...output()
          .slice(before)
          .matchAll(/sign-in link for a person at \S+: (\S+)/g),
      ]
        .map((match) => new URL(match[1] ?? ''))
        .find((logged) => logged.searchParams.get('email') === email),
    `no sign-in link for ${email} in the log`,
  );
  const cookie = cookieFrom(await pressSignInButton(site, link));
  if (!cookie.includes('session_token=')) throw new Error(`signing in as ${email} gave no session`);
  return cookie;
}

/**
 * Signs in to a running site over HTTP as a person in a browser does: asks for a sign-in mail, reads its link from
 * the SMTP sink the site mails to, and presses the button of the page the link opens. Returns the Cookie header.
 */
export async function signInThroughSite(
  site: string,
  email: string,
  sink: { received: ReceivedMail[] },
  headers: Record<string, string> = {},
): Promise<string> {
  const seen = sink.received.length;
  await askForSignIn(site, email, headers);
  // The first mail to the address with a sign-in link: an invitation may reach it too.
  const mail = await waitFor(
    () =>
      sink.received
        .slice(seen)
        .find((received) => received.to.includes(email) && /\/sign-in\/confirm\?/.test(received.parsed.text ?? '')),
    `no sign-in mail reached ${email}`,
  );
  const followed = await pressSignInButton(site, signInMailParts(mail.parsed.text ?? '').link, headers);
  const cookie = cookieFrom(followed);
  if (!cookie.includes('session_token=')) throw new Error(`signing in gave no session (${followed.status})`);
  return cookie;
}
