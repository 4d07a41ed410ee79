import { allPages, type Page } from 'contentlayer/generated';

export type { Page };

/** Every Markdown page, in a stable order for the sitemap and static generation. */
export const pages: readonly Page[] = [...allPages].sort((a, b) => a.slug.localeCompare(b.slug));

export function getPage(slug: string): Page | undefined {
  return pages.find((page) => page.slug === slug);
}

/** Look up a page the code itself depends on (home reads About); a missing one is a build error. */
export function requirePage(slug: string): Page {
  const page = getPage(slug);
  if (!page) throw new Error(`content/pages/${slug}.md is missing`);
  return page;
}
