import Link from 'next/link';
import { townOf } from '@/lib/coops/directory';
import { spreadPoints } from '@/lib/coops/map-layout';
import { directory } from '@/lib/coops';
import { ukMap } from '@/lib/coops/uk-map';

/**
 * Where the member co-ops are: an SVG of the UK drawn at build time, with a dot per co-op that links to its
 * page. Co-ops whose files give no coordinates are named beneath the map, so no one is silently left out.
 * Inside the directory's `<member-filter>`, the filter hides the dots of the co-ops it hides from the list
 * (`data-dot`, the co-op's slug) and the caption says so; without JavaScript the map shows every member, and says
 * it does.
 */
const dotRadius = 5;

export function MemberMap() {
  const located = directory.members.flatMap((coop) => {
    const point =
      coop.longitude !== undefined && coop.latitude !== undefined
        ? ukMap.place(coop.longitude, coop.latitude)
        : undefined;
    return point ? [{ coop, ...point }] : [];
  });
  const placed = spreadPoints(located, 2 * dotRadius + 1);
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
        {placed.map(({ coop, x, y }) => {
          const town = townOf(coop);
          return (
            <Link
              key={coop.slug}
              href={coop.url}
              aria-label={town ? `${coop.name}, ${town.name}` : coop.name}
              data-dot={coop.slug}
              suppressHydrationWarning
            >
              <circle cx={x.toFixed(1)} cy={y.toFixed(1)} r={dotRadius} className="fill-brand-dark stroke-white" />
            </Link>
          );
        })}
      </svg>
      <figcaption id="member-map-caption" className="text-sm text-muted">
        {/* <member-filter> is marked data-filtered while a filter applies (member-filter.browser.ts). */}
        <span className="group-data-filtered:hidden">
          All {placed.length} member co-ops with a location, by where they are based;
        </span>
        <span className="hidden group-data-filtered:inline">
          Only the member co-ops that match the filter, by where they are based;
        </span>{' '}
        co-ops in the same place are drawn in a ring around it.
        {unplaced.length > 0 && (
          <> Not on the map, as their location is not listed: {unplaced.map((coop) => coop.name).join(', ')}.</>
        )}
      </figcaption>
    </figure>
  );
}
