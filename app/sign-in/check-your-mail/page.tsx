import type { Metadata } from 'next';
import Link from 'next/link';
import { signInLinkMinutes } from '@/lib/auth/sign-in-mail';
import { SignInCodeForm } from '@/components/sign-in-code-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Check your mail', robots: { index: false } };

/** The one answer to every sign-in request within the limits: it says nothing about whether the address has an account. */
export default function CheckYourMailPage() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Check your mail</h1>
      <p role="status">
        If that address belongs to a member who may sign in, a mail with a sign-in link and a code is on its way to it.
        Open the link and press the button on the page, or type the code below, within {signInLinkMinutes} minutes;
        either works once.
      </p>
      <p>
        Nothing arrived? Check your spam folder, or <Link href="/sign-in">ask for another mail</Link>. If you should
        have an account and do not, ask an admin of the network to add you.
      </p>
      <SignInCodeForm />
    </div>
  );
}
