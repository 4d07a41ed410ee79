import { notFound } from 'next/navigation';
import { ogImageSize, renderOgImage } from '@/components/opengraph-image';
import { getPage, markdownRoutePages } from '@/lib/content';
import { site } from '@/lib/site';

export const contentType = 'image/png';

export function generateStaticParams() {
  return markdownRoutePages.map(({ slug }) => ({ slug }));
}

export function generateImageMetadata({ params }: { params: { slug: string } }) {
  const page = getPage(params.slug);
  return [{ id: 'card', size: ogImageSize, contentType, alt: `${page?.displayHeading ?? site.name} – ${site.name}` }];
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const page = getPage((await params).slug);
  if (!page) notFound();
  return renderOgImage(page.displayHeading);
}
