import type { Metadata } from 'next';
import { BriefForm } from '@/components/brief-form';
import { MarkdownPage } from '@/components/markdown-page';
import { requirePage } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';

// Its own route rather than app/[slug], so the form's JavaScript (and zod's) is sent only with this page.
const page = requirePage('hire');

export const metadata: Metadata = pageMetadata({ title: page.title, description: page.summary, path: page.url });

export default function HirePage() {
  return (
    <MarkdownPage page={page}>
      <BriefForm />
    </MarkdownPage>
  );
}
