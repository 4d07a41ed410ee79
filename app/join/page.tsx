import type { Metadata } from 'next';
import { EnquiryForm } from '@/components/enquiry-form';
import { MarkdownPage } from '@/components/markdown-page';
import { requirePage } from '@/lib/content';
import { joinKind } from '@/lib/enquiry-kinds';
import { formOf } from '@/lib/enquiry-kinds/kind';
import { pageMetadata } from '@/lib/metadata';

// Its own route rather than app/[slug], so the form's JavaScript (and zod's) is sent only with this page.
const page = requirePage('join');

export const metadata: Metadata = pageMetadata({ title: page.title, description: page.summary, path: page.url });

export default function JoinPage() {
  return (
    <MarkdownPage page={page}>
      <EnquiryForm form={formOf(joinKind)} />
    </MarkdownPage>
  );
}
