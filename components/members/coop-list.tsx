import { logoInBox } from '@/lib/content/logo';
import { directory, type Coop } from '@/lib/coops';
import { townOf } from '@/lib/coops/directory';
import { monogramOf } from '@/lib/coops/monogram';
import { CoopCard } from './coop-card';

/** How many of a co-op's services its card shows: the first ones its file lists. */
export const cardServices = 3;

/** The box a card's logo is fitted into, in CSS pixels. */
const cardLogoBox = { width: 64, height: 64 };

export function coopCard(coop: Coop) {
  return (
    <CoopCard
      coop={coop}
      logo={logoInBox(coop.logo, cardLogoBox, coop.logoOnDark)}
      monogram={monogramOf(coop)}
      town={townOf(coop)}
      services={directory.servicesOf(coop).slice(0, cardServices)}
    />
  );
}

/** A server-rendered grid of co-op cards, for the service, technology and town pages. */
export function CoopList({ coops }: { coops: readonly Coop[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {coops.map((coop) => (
        <li key={coop.slug}>{coopCard(coop)}</li>
      ))}
    </ul>
  );
}
