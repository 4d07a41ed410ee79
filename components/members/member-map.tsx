import Link from 'next/link';
import { townOf } from '@/lib/directory';
import { directory } from '@/lib/members';
import { ukMap } from '@/lib/uk-map';

/**
 * Where the member co-ops are: an SVG of the UK drawn at build time, with a dot per co-op that links to its
 * page. Co-ops whose files give no coordinates are named beneath the map, so no one is silently left out.
 */
export function MemberMap() {
  const placed = directory.members.flatMap((coop) => {
    const point =
      coop.longitude !== undefined && coop.latitude !== undefined
        ? ukMap.place(coop.longitude, coop.latitude)
        : undefined;
    return point ? [{ coop, point }] : [];
  });
  const unplaced = directory.members.filter((coop) => !placed.some((entry) => entry.coop === coop));

  return (
    <figure aria-labelledby="member-map-caption" className="space-y-3">
      <svg
        viewBox={`0 0 ${ukMap.width} ${ukMap.height}`}
        className="mx-auto h-auto w-full max-w-sm"
        aria-labelledby="member-map-title"
      >
        <title id="member-map-title">Map of the UK with a link for each member co-op</title>
        <path d={ukMap.outline} className="fill-brand-light stroke-muted" strokeWidth={0.5} aria-hidden="true" />
        {placed.map(({ coop, point }) => {
          const town = townOf(coop);
          return (
            <Link key={coop.slug} href={coop.url} aria-label={town ? `${coop.name}, ${town.name}` : coop.name}>
              <circle cx={point.x.toFixed(1)} cy={point.y.toFixed(1)} r={5} className="fill-brand-dark stroke-white" />
            </Link>
          );
        })}
      </svg>
      <figcaption id="member-map-caption" className="text-sm text-muted">
        {placed.length} member co-ops by where they are based.
        {unplaced.length > 0 && (
          <> Not on the map, as their location is not listed: {unplaced.map((coop) => coop.name).join(', ')}.</>
        )}
      </figcaption>
    </figure>
  );
}
