import type { Metadata } from 'next';
import Link from 'next/link';
import { signInLinkMinutes } from '@/lib/auth/sign-in-mail';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Check your mail', robots: { index: false } };

/** The one answer to every sign-in request within the limits: it says nothing about whether the address has an account. */
export default function CheckYourMailPage() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Check your mail</h1>
      <p role="status">
        If that address belongs to a member who may sign in, a sign-in link is on its way to it. Follow it within{' '}
        {signInLinkMinutes} minutes; it works once.
      </p>
      <p>
        Nothing arrived? Check your spam folder, or <Link href="/sign-in">ask for another link</Link>. If you should
        have an account and do not, ask an admin of the network to add you.
      </p>
    </div>
  );
}
