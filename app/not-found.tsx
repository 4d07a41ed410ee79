import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p>Sorry, there is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        Try the <Link href="/">home page</Link>, read <Link href="/about">about CoTech</Link> or find out how to{' '}
        <Link href="/join">join the network</Link>.
      </p>
    </div>
  );
}
