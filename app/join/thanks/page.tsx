import type { Metadata } from 'next';
import Link from 'next/link';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  ...pageMetadata({
    title: 'Thank you for your enquiry',
    description: 'Your enquiry to join CoTech has been received.',
    path: '/join/thanks',
  }),
  robots: { index: false },
};

export default function ThanksPage() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Thank you for your enquiry</h1>
      <p>
        We have received it and sent a copy to your email address. Members of the network will read it and reply to you;
        your membership is then proposed to the members on Loomio.
      </p>
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
