import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BriefForm } from '@/components/brief-form';
import { MarkdownPage } from '@/components/markdown-page';
import { requirePage } from '@/lib/content';
import { hireServices } from '@/lib/coops/services';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ service: string }> };

/**
 * /hire with one service ticked, where each service page links. Public pages are prerendered and sent without
 * React, so /hire cannot read a query string without JavaScript: one prerendered variant per service ticks it for
 * every visitor. They are the same page as /hire, which is their canonical address (and the sitemap's).
 */
const page = requirePage('hire');

export const dynamicParams = false;

export function generateStaticParams() {
  return hireServices.map(({ slug }) => ({ service: slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { service: slug } = await params;
  const service = hireServices.find((entry) => entry.slug === slug);
  if (!service) return {};
  return pageMetadata({ title: `${page.title}: ${service.name}`, description: page.summary, path: page.url });
}

export default async function HireServicePage({ params }: Props) {
  const { service } = await params;
  if (!hireServices.some(({ slug }) => slug === service)) notFound();
  return (
    <MarkdownPage page={page}>
      <BriefForm service={service} />
    </MarkdownPage>
  );
}
