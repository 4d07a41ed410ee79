import type { Metadata } from 'next';
import { NotFoundText, notFoundTitle } from '@/components/not-found';

export const metadata: Metadata = { title: notFoundTitle, robots: { index: false } };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{notFoundTitle}</h1>
      <NotFoundText />
    </div>
  );
}
