import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { signInLinkMinutes } from '@/lib/auth/sign-in-mail';

export const dynamic = 'force-dynamic';
// The site's referrer policy stands: under `no-referrer` a browser posts the form with `Origin: null`, which
// lib/auth/sign-in.ts refuses as not our own.
export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[]; email?: string | string[] }> };

const link = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/), email: z.email().max(320) });

/**
 * The page a mailed sign-in link opens. Opening it spends nothing and reads nothing: mail scanners open every link
 * in a mail before the person does. Only the button, a POST from this page, signs in (lib/auth/sign-in.ts).
 */
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const given = link.safeParse(await searchParams);
  if (!given.success) {
    return (
      <div className="mx-auto max-w-prose space-y-4">
        <h1 className="text-3xl font-bold">Sign in</h1>
        <p role="alert" className="border-l-4 border-brand bg-brand-light px-4 py-2">
          That sign-in link is not whole: open the link from the mail as it is, or type the code from the mail on the{' '}
          <Link href="/sign-in">sign-in page</Link>.
        </p>
      </div>
    );
  }
  const { token, email } = given.data;
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p>
        This link works once, within {signInLinkMinutes} minutes of the mail. If you did not ask to sign in, close this
        page.
      </p>
      <form method="post" action="/sign-in/link">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
          Sign in as {email}
        </button>
      </form>
    </div>
  );
}
