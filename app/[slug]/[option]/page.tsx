import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { KindPageForm } from '@/components/kind-form';
import { MarkdownPage } from '@/components/markdown-page';
import { requirePage } from '@/lib/content';
import { choicesFor } from '@/lib/enquiries/choices';
import { enquiryKindList } from '@/lib/enquiry-kinds';
import type { KindDescription } from '@/lib/enquiry-kinds/kind';
import { kindOnPage } from '@/lib/enquiry-kinds/on-site';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string; option: string }> };

/**
 * A kind's page with one option of its `optionPages` field chosen (/hire/web-design, where each service page
 * links). Public pages are prerendered and sent without React, so the page cannot read a query string without
 * JavaScript: one prerendered variant per option chooses it for every visitor. Each is the same page as the kind's,
 * which is their canonical address (and the sitemap's).
 */
export const dynamicParams = false;

/** The option, and the field it is an option of, that `/slug/option` chooses. */
function chosen(slug: string, option: string): { kind: KindDescription; field: string; label: string } | undefined {
  const kind = kindOnPage<KindDescription>(slug);
  const field = kind?.site.optionPages;
  const label = field && kind && choicesFor(kind)[field]?.find((choice) => choice.value === option)?.label;
  return kind && field && label ? { kind, field, label } : undefined;
}

export function generateStaticParams() {
  return enquiryKindList.flatMap((kind: KindDescription) => {
    const field = kind.site.optionPages;
    const options = field ? (choicesFor(kind)[field] ?? []) : [];
    return options.map(({ value }) => ({ slug: kind.site.page, option: value }));
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, option } = await params;
  const found = chosen(slug, option);
  if (!found) return {};
  const page = requirePage(slug);
  return pageMetadata({ title: `${page.title}: ${found.label}`, description: page.summary, path: page.url });
}

export default async function OptionPage({ params }: Props) {
  const { slug, option } = await params;
  const found = chosen(slug, option);
  if (!found) notFound();
  return (
    <MarkdownPage page={requirePage(slug)}>
      <KindPageForm kind={found.kind} initial={{ [found.field]: [option] }} />
    </MarkdownPage>
  );
}
