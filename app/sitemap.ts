import type { MetadataRoute } from 'next';
import { pages } from '@/lib/content';
import { site } from '@/lib/site';

export default function sitemap(): MetadataRoute.Sitemap {
  return [
    { url: `${site.url}/` },
    ...pages.map((page) => ({ url: `${site.url}${page.url}`, ...(page.date && { lastModified: page.date }) })),
  ];
}
