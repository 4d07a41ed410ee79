import Link from 'next/link';
import type { TermEntry } from '@/lib/coops/directory';

/** A co-op's services or technologies under their heading, as a row of links to their pages; none, nothing. */
export function TermSection({ heading, terms }: { heading: string; terms: readonly TermEntry[] }) {
  if (terms.length === 0) return null;
  const headingId = `${heading.toLowerCase()}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-2xl font-bold">
        {heading}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {terms.map((term) => (
          <li key={term.slug}>
            <Link
              href={term.url}
              className="inline-block rounded bg-brand-light px-2.5 py-1 text-ink no-underline hover:underline"
            >
              {term.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
