import Link from 'next/link';
import { filterName, type FilterOption } from '@/lib/coops/filter';

type Group = { label: string; options: readonly FilterOption[] };

/**
 * The directory's filters for visitors without JavaScript: every service, technology and town is a static page
 * listing its co-ops, so a filter is a link. Disclosures keep the long lists out of the way.
 */
export function BrowseLinks({ groups }: { groups: readonly Group[] }) {
  return (
    <nav aria-label={filterName} className="space-y-3">
      {groups.map(({ label, options }) => (
        <details key={label} className="rounded border border-line bg-white px-4 py-2">
          <summary className="cursor-pointer font-semibold">
            By {label.toLowerCase()} ({options.length})
          </summary>
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 pb-2">
            {options.map((option) => (
              <li key={option.slug}>
                <Link href={option.url}>
                  {option.name} <span className="text-muted">({option.count})</span>
                </Link>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </nav>
  );
}
