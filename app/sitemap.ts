import type { MetadataRoute } from 'next';
import { pages } from '@/lib/content';
import { directory } from '@/lib/coops';
import { site } from '@/lib/site';
import { caseStudies } from '@/lib/work';

export default function sitemap(): MetadataRoute.Sitemap {
  return [
    { url: `${site.url}/` },
    ...pages.map((page) => ({ url: `${site.url}${page.url}`, ...(page.date && { lastModified: page.date }) })),
    { url: `${site.url}/members` },
    { url: `${site.url}/service` },
    ...[...directory.coops, ...directory.services, ...directory.technologies, ...directory.towns].map(({ url }) => ({
      url: `${site.url}${url}`,
    })),
    { url: `${site.url}/work` },
    ...caseStudies.all.map(({ url }) => ({ url: `${site.url}${url}` })),
  ];
}
