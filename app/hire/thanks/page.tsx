import type { Metadata } from 'next';
import Link from 'next/link';
import { briefForm } from '@/lib/enquiries/brief-form';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  ...pageMetadata({
    title: briefForm.copy.thanks.heading,
    description: `Your brief to ${site.shortName} has been received.`,
    path: '/hire/thanks',
  }),
  robots: { index: false },
};

export default function ThanksPage() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{briefForm.copy.thanks.heading}</h1>
      <p>{briefForm.copy.thanks.body}</p>
      <p>
        Questions in the meantime? Email <a href={`mailto:${site.email}`}>{site.email}</a>.
      </p>
      <p>
        <Link href="/members">Browse the member co-ops</Link> or go <Link href="/">back to the home page</Link>.
      </p>
    </div>
  );
}
