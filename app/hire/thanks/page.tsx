import type { Metadata } from 'next';
import Link from 'next/link';
import { briefKind } from '@/lib/enquiry-kinds';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  ...pageMetadata({
    title: briefKind.form.thanks.heading,
    description: `Your brief to ${site.shortName} has been received.`,
    path: '/hire/thanks',
  }),
  robots: { index: false },
};

export default function ThanksPage() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{briefKind.form.thanks.heading}</h1>
      <p>{briefKind.form.thanks.body}</p>
      <p>
        Questions in the meantime? Email <a href={`mailto:${site.email}`}>{site.email}</a>.
      </p>
      <p>
        <Link href="/members">Browse the member co-ops</Link> or go <Link href="/">back to the home page</Link>.
      </p>
    </div>
  );
}
