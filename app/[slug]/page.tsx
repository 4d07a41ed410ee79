import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { KindPageForm } from '@/components/kind-form';
import { MarkdownPage } from '@/components/markdown-page';
import { getPage, pages } from '@/lib/content';
import { kindOnPage } from '@/lib/enquiry-kinds/on-site';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string }> };

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

/**
 * A content page; the page an enquiry kind names (join, hire) has that kind's form below its text. The form's
 * script and schema are sent only with it (components/browser-script.tsx).
 */
export default async function ContentPage({ params }: Props) {
  const page = getPage((await params).slug);
  if (!page) notFound();
  const kind = kindOnPage(page.slug);
  return <MarkdownPage page={page}>{kind && <KindPageForm kind={kind} />}</MarkdownPage>;
}
