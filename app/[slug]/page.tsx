import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ComponentType } from 'react';
import { JoinForm } from '@/components/join-form';
import { MarkdownPage } from '@/components/markdown-page';
import { getPage, pages } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string }> };

/** What a page shows after its Markdown: the enquiry form sits under the Join page's "How do I join?". */
const extras: Record<string, ComponentType> = { join: JoinForm };

// Every content/pages/*.md is prerendered at build time; any other path is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return pages.map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = getPage((await params).slug);
  if (!page) return {};
  return pageMetadata({ title: page.title, description: page.summary, path: page.url });
}

export default async function ContentPage({ params }: Props) {
  const page = getPage((await params).slug);
  if (!page) notFound();
  const Extra = extras[page.slug];
  return <MarkdownPage page={page}>{Extra && <Extra />}</MarkdownPage>;
}
