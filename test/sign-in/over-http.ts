// Signing in as a browser does, for tests: over HTTP to a running site (here, which e2e specs load too, so it
// imports nothing of the server), or in-process through the routes' own handlers (./in-process.ts). Both send the
// same forms, made here.
import type { ReceivedMail } from '@/test/smtp-sink';

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

/** Presses the button of the page a mailed sign-in link opens, from the site's own origin; returns the answer. */
function pressSignInButton(site: string, link: URL, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${site}/sign-in/link`, {
    method: 'POST',
    headers: { ...headers, origin: site },
    body: signInButtonForm(link),
    redirect: 'manual',
  });
}

/** Asks a running site for a sign-in mail as the form on /sign-in does; throws unless it says one is on its way. */
async function askForSignInMail(site: string, email: string, headers: Record<string, string> = {}) {
  const asked = await fetch(`${site}/sign-in/request`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ email }),
    redirect: 'manual',
  });
  if (asked.headers.get('location') !== '/sign-in/check-your-mail') {
    throw new Error(`asking for a sign-in mail answered ${asked.status} to ${asked.headers.get('location')}`);
  }
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

/**
 * Signs in to a running site without SMTP_URL, which writes each sign-in mail's link to its log (`output`): asks
 * for a mail, finds the link for `email` among those logged since, and presses the button of the page it opens.
 * Returns the Cookie header.
 */
export async function signInFromLog(site: string, email: string, output: () => string): Promise<string> {
  const before = output().length;
  await askForSignInMail(site, email);
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
  await askForSignInMail(site, email, headers);
  const mail = await waitFor(
    () => sink.received.slice(seen).find((received) => received.to.includes(email)),
    `no sign-in mail reached ${email}`,
  );
  const link = new URL(/https?:\/\/\S+\/sign-in\/confirm\?\S+/.exec(mail.parsed.text ?? '')?.[0] ?? '');
  const followed = await pressSignInButton(site, link, headers);
  const cookie = cookieFrom(followed);
  if (!cookie.includes('session_token=')) throw new Error(`signing in gave no session (${followed.status})`);
  return cookie;
}
