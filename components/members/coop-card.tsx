import Link from 'next/link';
import type { TermEntry, Town } from '@/lib/members/directory';

/** The host a visitor will recognise: `https://www.agile.coop/` → `agile.coop`. */
function displayHost(website: string): string {
  try {
    return new URL(website).hostname.replace(/^www\./, '');
  } catch {
    return website;
  }
}

/** One member co-op in a list: its name (linking to its page), town, first services and website. */
export function CoopCard({
  coop,
  town,
  services,
}: {
  coop: { name: string; url: string; website?: string };
  town?: Town;
  services: readonly TermEntry[];
}) {
  return (
    <article className="flex h-full flex-col gap-2 rounded border border-line bg-white p-5">
      <h3 className="text-xl font-bold">
        <Link href={coop.url}>{coop.name}</Link>
      </h3>
      {town && <p className="text-sm text-muted">{town.name}</p>}
      {services.length > 0 && <p className="text-sm">{services.map((service) => service.name).join(' · ')}</p>}
      {coop.website && (
        <p className="mt-auto pt-2 text-sm">
          <a href={coop.website} className="break-all">
            {displayHost(coop.website)}
          </a>
        </p>
      )}
    </article>
  );
}
