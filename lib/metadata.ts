import type { Metadata } from 'next';
import { site } from './site';

/**
 * The Open Graph tags every page has, whatever it is: the root layout gives them to the pages that state no
 * `openGraph` of their own (sign-in, the admin, the thanks pages), and `pageMetadata` to the rest.
 */
export const siteOpenGraph = { siteName: site.name, locale: site.locale, type: 'website' } as const;

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
      ...siteOpenGraph,
    },
    twitter: { card: 'summary_large_image', title, description },
  };
}
