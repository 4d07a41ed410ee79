import Link from 'next/link';
import type { TermEntry } from '@/lib/directory';

/** Services or technologies as a row of links to their pages. */
export function TermList({ terms }: { terms: readonly TermEntry[] }) {
  return (
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
  );
}
