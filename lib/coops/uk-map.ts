import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** ISO 3166-1 numeric code of the United Kingdom, the feature id in Natural Earth's TopoJSON. */
const unitedKingdom = '826';
const width = 360;

/**
 * The UK outline as an SVG path, projected once at build time from Natural Earth 1:50m boundaries in the
 * `world-atlas` package: no tile service, nothing fetched, nothing to break when a provider changes. Transverse
 * Mercator about 2°W is the projection of the Ordnance Survey's grid, so the shape looks as Britons expect.
 */
function projectUnitedKingdom() {
  const file = join(process.cwd(), 'node_modules/world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const uk = feature(topology, topology.objects.countries).features.find((country) => country.id === unitedKingdom);
  if (!uk) throw new Error(`world-atlas has no feature ${unitedKingdom} (United Kingdom)`);
  const projection = geoTransverseMercator().rotate([2, 0]).fitWidth(width, uk);
  // One decimal place is a tenth of a pixel at this size, and keeps the path about 10 kB.
  const path = geoPath(projection).digits(1);
  const [, [, bottom]] = path.bounds(uk);
  const height = Math.ceil(bottom);

  return {
    width,
    height,
    outline: path(uk) ?? '',
    /** Where a place falls on the map, or undefined when it is off the map (outside the UK's frame). */
    place(longitude: number, latitude: number): { x: number; y: number } | undefined {
      const point = projection([longitude, latitude]);
      if (!point) return undefined;
      const [x, y] = point;
      return x >= 0 && x <= width && y >= 0 && y <= height ? { x, y } : undefined;
    },
  };
}

export const ukMap = projectUnitedKingdom();
