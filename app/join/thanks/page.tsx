import type { Metadata } from 'next';
import Link from 'next/link';
import { joinKind } from '@/lib/enquiry-kinds';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  ...pageMetadata({
    title: joinKind.form.thanks.heading,
    description: `Your enquiry to join ${site.shortName} has been received.`,
    path: '/join/thanks',
  }),
  robots: { index: false },
};

export default function ThanksPage() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{joinKind.form.thanks.heading}</h1>
      <p>{joinKind.form.thanks.body}</p>
      <p>
        Questions in the meantime? Email <a href={`mailto:${site.email}`}>{site.email}</a> or ask on{' '}
        <a href={site.forum}>our community forum</a>.
      </p>
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  );
}
