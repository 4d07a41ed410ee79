import Link from 'next/link';
import type { TermEntry, Town } from '@/lib/coops/directory';

/** The host a visitor will recognise: `https://www.agile.coop/` → `agile.coop`. */
function displayHost(website: string): string {
  try {
    return new URL(website).hostname.replace(/^www\./, '');
  } catch {
    return website;
  }
}

/** One member co-op in a list: its logo if it has one, name (linking to its page), town, first services and website. */
export function CoopCard({
  coop,
  logo,
  town,
  services,
}: {
  coop: { name: string; url: string; website?: string };
  logo?: { src: string; width: number; height: number };
  town?: Town;
  services: readonly TermEntry[];
}) {
  return (
    <article className="flex h-full flex-col gap-2 rounded border border-line bg-white p-5">
      <div className="flex items-center gap-3">
        {logo && (
          // Decorative: the co-op's name is beside it. A plain img, as next/image would send it through the image
          // optimiser (a route run per request, and SVG only by opting in); the width and height keep its space.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logo.src} alt="" width={logo.width} height={logo.height} loading="lazy" decoding="async" />
        )}
        <h3 className="text-xl font-bold">
          <Link href={coop.url}>{coop.name}</Link>
        </h3>
      </div>
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
