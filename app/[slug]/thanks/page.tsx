import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { enquiryKindList } from '@/lib/enquiry-kinds';
import { thanksPathOf, type KindDescription } from '@/lib/enquiry-kinds/kind';
import { kindOnPage } from '@/lib/enquiry-kinds/on-site';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';

type Props = { params: Promise<{ slug: string }> };

// Where a visitor without JavaScript lands once their enquiry is stored: one per kind, /PAGE/thanks.
export const dynamicParams = false;

export function generateStaticParams() {
  return enquiryKindList.map((kind) => ({ slug: kind.site.page }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const kind = kindOnPage((await params).slug);
  if (!kind) return {};
  return {
    ...pageMetadata({
      title: kind.form.thanks.heading,
      description: `Your ${kind.form.noun} to ${site.shortName} has been received.`,
      path: thanksPathOf(kind),
    }),
    robots: { index: false },
  };
}

export default async function ThanksPage({ params }: Props) {
  const kind = kindOnPage<KindDescription>((await params).slug);
  if (!kind) notFound();
  const { heading, body, next } = kind.form.thanks;
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{heading}</h1>
      <p>{body}</p>
      <p>
        Questions in the meantime? Email <a href={`mailto:${site.email}`}>{site.email}</a> or ask on{' '}
        <a href={site.forum}>our community forum</a>.
      </p>
      <p>
        {next && (
          <>
            <Link href={next.href}>{next.label}</Link> or go{' '}
          </>
        )}
        <Link href="/">{next ? 'back to the home page' : 'Back to the home page'}</Link>
        {next && '.'}
      </p>
    </div>
  );
}
