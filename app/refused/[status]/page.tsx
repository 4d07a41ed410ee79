import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { refusalPages, refusalStatuses, type RefusalStatus } from '@/lib/http/refusal-pages';
import { site } from '@/lib/site';

type Props = { params: Promise<{ status: string }> };

// The pages npm start's server sends a browser with its own refusals (lib/http/refusal-pages.ts): prerendered in the
// site's layout, so the server sends them from memory with the refusal's status, and never indexed.
export const dynamicParams = false;

export function generateStaticParams() {
  return refusalStatuses.map((status) => ({ status: String(status) }));
}

function refusalOf(status: string) {
  return Object.hasOwn(refusalPages, status) ? refusalPages[Number(status) as RefusalStatus] : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const refusal = refusalOf((await params).status);
  return { title: refusal?.title, robots: { index: false } };
}

export default async function RefusalPage({ params }: Props) {
  const refusal = refusalOf((await params).status);
  if (!refusal) notFound();
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{refusal.title}</h1>
      {refusal.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p>
        Start again from the <Link href="/">home page</Link>, or write to us at{' '}
        <a href={`mailto:${site.email}`}>{site.email}</a> if this keeps happening.
      </p>
    </div>
  );
}
