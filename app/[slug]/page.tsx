import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MarkdownPage } from '@/components/markdown-page';
import { getPage, markdownRoutePages } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string }> };

// Every content/pages/*.md is prerendered at build time; any other path is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return markdownRoutePages.map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = getPage((await params).slug);
  if (!page) return {};
  return pageMetadata({ title: page.title, description: page.summary, path: page.url });
}

export default async function ContentPage({ params }: Props) {
  const page = getPage((await params).slug);
  if (!page) notFound();
  return <MarkdownPage page={page} />;
}
