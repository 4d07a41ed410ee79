import Link from 'next/link';
import type { TermEntry, Town } from '@/lib/coops/directory';
import type { Monogram } from '@/lib/coops/monogram';
import { CoopMark } from './coop-mark';
import type { LogoInBox } from '@/lib/content/logo';

/** The host a visitor will recognise: `https://www.agile.coop/` → `agile.coop`. */
function displayHost(website: string): string {
  try {
    return new URL(website).hostname.replace(/^www\./, '');
  } catch {
    return website;
  }
}

/** The side of a card's monogram, in CSS pixels: a logo is fitted into a box of 64 (components/members/coop-list.tsx). */
const monogramSize = 48;

/**
 * One member co-op in a list: its logo, or its monogram when it has none, its name (linking to its page), town, first
 * services and website.
 */
export function CoopCard({
  coop,
  logo,
  monogram,
  town,
  services,
}: {
  coop: { name: string; url: string; website?: string };
  logo?: LogoInBox;
  monogram: Monogram;
  town?: Town;
  services: readonly TermEntry[];
}) {
  return (
    <article className="flex h-full flex-col gap-2 rounded border border-line bg-white p-5">
      <div className="flex items-center gap-3">
        <CoopMark logo={logo} monogram={monogram} size={monogramSize} lazy />
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
