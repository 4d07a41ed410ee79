import type { Metadata } from 'next';
import { site } from './site';

/**
 * Metadata for one page. Next.js replaces (does not merge) a parent's `openGraph`, so every page states the
 * whole set here; the image tags come from the route's `opengraph-image.tsx`.
 */
export function pageMetadata({
  title,
  description,
  path,
}: {
  title: string;
  description: string;
  path: string;
}): Metadata {
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: {
      title,
      description,
      url: path,
      siteName: site.name,
      locale: site.locale,
      type: 'website',
    },
    twitter: { card: 'summary_large_image', title, description },
  };
}
