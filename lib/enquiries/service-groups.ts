import { serviceGroups, type ServiceGroup } from '@/lib/content/schema';

/** A service as the brief form offers it: with its group's words, and how many member co-ops offer it. */
export type OfferedService = { slug: string; name: string; group: ServiceGroup; groupLabel: string; coops: number };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * The services a client can ask for, in the order the brief form lists them: only those at least one current
 * member co-op offers (a service nobody offers would find no one), in their groups (lib/content/schema.ts), the
 * most asked first. What a client can ask the network for is what its members offer, so "most asked" is measured
 * by the directory, not by past briefs: a group comes first when more member co-ops offer something in it, and a
 * service in its group when more member co-ops offer it; ties keep the groups' own order and the services' names.
 */
export function offeredServices(
  services: readonly { slug: string; name: string; group: string }[],
  offeredBy: (slug: string) => readonly { slug: string }[],
): OfferedService[] {
  const groups = Object.keys(serviceGroups) as ServiceGroup[];
  const offered = services.flatMap((service) => {
    const coops = offeredBy(service.slug);
    if (coops.length === 0) return [];
    const group = groups.find((key) => key === service.group);
    if (!group) throw new Error(`The service "${service.slug}" is in no known group ("${service.group}")`);
    return [{ service: { ...service, group, groupLabel: serviceGroups[group], coops: coops.length }, coops }];
  });
  const coopsInGroup = new Map(
    groups.map((group) => [
      group,
      new Set(offered.flatMap(({ service, coops }) => (service.group === group ? coops.map(({ slug }) => slug) : [])))
        .size,
    ]),
  );
  const rank = (group: ServiceGroup) => groups.indexOf(group);
  return offered
    .map(({ service }) => service)
    .sort(
      (a, b) =>
        (coopsInGroup.get(b.group) ?? 0) - (coopsInGroup.get(a.group) ?? 0) ||
        rank(a.group) - rank(b.group) ||
        b.coops - a.coops ||
        collator.compare(a.name, b.name),
    );
}
