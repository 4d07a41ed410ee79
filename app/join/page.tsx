import type { Metadata } from 'next';
import { EnquiryForm } from '@/components/enquiry-form';
import { MarkdownPage } from '@/components/markdown-page';
import { requirePage } from '@/lib/content';
import { joinForm } from '@/lib/enquiries/join-form';
import { pageMetadata } from '@/lib/metadata';

// Its own route rather than app/[slug], so the form's JavaScript (and zod's) is sent only with this page.
const page = requirePage('join');

export const metadata: Metadata = pageMetadata({ title: page.title, description: page.summary, path: page.url });

export default function JoinPage() {
  return (
    <MarkdownPage page={page}>
      <EnquiryForm form={joinForm} />
    </MarkdownPage>
  );
}
