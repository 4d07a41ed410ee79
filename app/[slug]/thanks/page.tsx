import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { enquiryKindList } from '@/lib/enquiry-kinds';
import { thanksPathOf, type KindDescription } from '@/lib/enquiry-kinds/kind';
import { kindOnPage } from '@/lib/enquiry-kinds/on-site';
import { ThanksPage } from '@/components/thanks-page';
import { pageMetadata } from '@/lib/metadata';
import { site } from '@/lib/site';

type Props = { params: Promise<{ slug: string }> };

// The thanks page without a reference, one per kind, prerendered (the sitemap's and the redirects' checks know it):
// form posts land on /PAGE/thanks/REFERENCE (./[reference]/route.ts) since enquiries have references, so this is
// kept for addresses people saved before.
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

export default async function Thanks({ params }: Props) {
  const kind = kindOnPage<KindDescription>((await params).slug);
  if (!kind) notFound();
  return <ThanksPage kind={kind} />;
}
