import { notFound } from 'next/navigation';
import { ogImageSize, renderOgImage } from '@/components/opengraph-image';
import { directory } from '@/lib/members';
import { site } from '@/lib/site';

export const contentType = 'image/png';

export function generateStaticParams() {
  return directory.coops.map(({ slug }) => ({ slug }));
}

function heading(slug: string): string | undefined {
  const coop = directory.getCoop(slug);
  return coop && coop.name;
}

export function generateImageMetadata({ params }: { params: { slug: string } }) {
  return [{ id: 'card', size: ogImageSize, contentType, alt: `${heading(params.slug) ?? site.name} – ${site.name}` }];
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const text = heading((await params).slug);
  if (!text) notFound();
  return renderOgImage(text);
}
