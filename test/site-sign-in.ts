import type { ReceivedMail } from '@/test/smtp-sink';

/** The Cookie header a browser would send after the answer's Set-Cookie headers. */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
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
  const asked = await fetch(`${site}/sign-in/request`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ email }),
    redirect: 'manual',
  });
  if (asked.headers.get('location') !== '/sign-in/check-your-mail') {
    throw new Error(`asking for a sign-in mail answered ${asked.status} to ${asked.headers.get('location')}`);
  }
  const deadline = Date.now() + 15_000;
  let mail: ReceivedMail | undefined;
  while (!(mail = sink.received.slice(seen).find((received) => received.to.includes(email)))) {
    if (Date.now() > deadline) throw new Error(`no sign-in mail reached ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const link = new URL(/https?:\/\/\S+\/sign-in\/confirm\?\S+/.exec(mail.parsed.text ?? '')?.[0] ?? '');
  const followed = await fetch(`${site}/sign-in/link`, {
    method: 'POST',
    headers: { ...headers, origin: site },
    body: new URLSearchParams({
      token: link.searchParams.get('token') ?? '',
      email: link.searchParams.get('email') ?? '',
    }),
    redirect: 'manual',
  });
  const cookie = cookieFrom(followed);
  if (!cookie.includes('session_token=')) throw new Error(`signing in gave no session (${followed.status})`);
  return cookie;
}
