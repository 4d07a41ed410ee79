import type { Metadata } from 'next';
import { signInLinkMinutes } from '@/lib/auth/sign-in-mail';
import { Field, textControl } from '@/components/field';
import { SignInCodeForm } from '@/components/sign-in-code-form';
import { site } from '@/lib/site';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

/** What went wrong, by the `error` better-auth or our own routes send back here. */
const problems: Record<string, string> = {
  address: 'Give an email address such as name@example.coop.',
  'too-many': 'Too many sign-in requests from where you are. Wait 15 minutes, then try again.',
  'too-many-mails':
    'That address has been sent too many sign-in mails in the last hour. Use a link or code already sent, wait an hour, or ask from a browser you have signed in with before.',
  INVALID_TOKEN: `That sign-in link has expired or has been used already: each works once, within ${signInLinkMinutes} minutes. Ask for a new one.`,
  code: `That code is not right, has expired or has been used already: each works once, within ${signInLinkMinutes} minutes, and after three wrong tries it stops working. Check the address and the code, or ask for a new mail.`,
  new_user_signup_disabled: 'That sign-in link is not for an account here. Ask an admin to add you.',
  failed_to_create_session: 'That account is disabled. Ask an admin if you should still have access.',
};

type Props = { searchParams: Promise<{ error?: string; 'signed-out'?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, 'signed-out': signedOut } = await searchParams;
  const problem = error ? (problems[error] ?? 'Signing in did not work. Ask for a new link.') : undefined;
  return (
    <div className="mx-auto max-w-prose space-y-6">
      <h1 className="text-3xl font-bold">Sign in</h1>
      {problem && (
        <p role="alert" className="border-l-4 border-brand bg-brand-light px-4 py-2">
          {problem}
        </p>
      )}
      {signedOut && (
        <p role="status" className="font-semibold">
          {signedOut === 'everywhere' ? 'You are signed out everywhere.' : 'You are signed out.'}
        </p>
      )}
      <p>
        For members of the network who triage enquiries, and for the people of member co-ops who keep their co-op’s
        page. Give your address and we will mail you a link and a code that sign you in; either works once, within{' '}
        {signInLinkMinutes} minutes. No account yet? Write to <a href={`mailto:${site.email}`}>{site.email}</a>.
      </p>
      <form method="post" action="/sign-in/request" className="space-y-4 rounded border border-line bg-white p-6">
        <Field htmlFor="email" label="Email address">
          <input id="email" name="email" type="email" autoComplete="email" required className={textControl} />
        </Field>
        <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
          Mail me a sign-in link
        </button>
      </form>
      <SignInCodeForm />
    </div>
  );
}
