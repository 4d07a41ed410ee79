import { slugify } from '@/lib/slug';

/** What the directory reads from a co-op document (Contentlayer's `Coop` has these and more). */
export type CoopEntry = {
  slug: string;
  url: string;
  name: string;
  member: boolean;
  website?: string;
  town?: string;
  latitude?: number;
  longitude?: number;
  workerMembers?: number;
  services?: string[];
  technologies?: string[];
};

/** A service or a technology: a name with a page of its own. */
export type TermEntry = { slug: string; url: string; name: string };

/** Towns have no files: they are the distinct `town` values of the member co-ops. */
export type Town = TermEntry;

/** The town a co-op is in, as a linkable entry; none when its file gives no town. */
export function townOf(coop: Pick<CoopEntry, 'town'>): Town | undefined {
  const name = coop.town?.trim();
  if (!name) return undefined;
  const slug = slugify(name);
  return { slug, name, url: `/town/${slug}` };
}

function groupBy<C>(items: readonly C[], keys: (item: C) => readonly string[]): ReadonlyMap<string, readonly C[]> {
  const groups = new Map<string, C[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * Every index the directory pages need, built in one pass over the content: lists sorted by name, the member
 * co-ops per service, technology and town, and the headline figures. Only current members are listed, counted or
 * mapped; a former member keeps its own page.
 */
export function buildDirectory<C extends CoopEntry, S extends TermEntry, T extends TermEntry>(
  coops: readonly C[],
  services: readonly S[],
  technologies: readonly T[],
) {
  // Made here, not when the module loads, so the browser's filter script can import the module's wording alone.
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  const allCoops = [...coops].sort(byName);
  const members = allCoops.filter((coop) => coop.member);
  const servicesBySlug = new Map(services.map((service) => [service.slug, service]));
  const technologiesBySlug = new Map(technologies.map((technology) => [technology.slug, technology]));

  const townsBySlug = new Map<string, Town>();
  for (const coop of members) {
    const town = townOf(coop);
    if (town && !townsBySlug.has(town.slug)) townsBySlug.set(town.slug, town);
  }

  const membersByService = groupBy(members, (coop) => coop.services ?? []);
  const membersByTechnology = groupBy(members, (coop) => coop.technologies ?? []);
  const membersByTown = groupBy(members, (coop) => [townOf(coop)?.slug ?? '']);
  const knownWorkers = members.filter((coop) => coop.workerMembers !== undefined);

  return {
    /** Every co-op with a file, members and former members, by name. */
    coops: allCoops,
    /** Current member co-ops, by name. */
    members,
    services: [...services].sort(byName),
    technologies: [...technologies].sort(byName),
    towns: [...townsBySlug.values()].sort(byName),
    figures: {
      members: members.length,
      /** The sum over the co-ops that publish their number of worker-members. */
      workerMembers: knownWorkers.reduce((sum, coop) => sum + (coop.workerMembers ?? 0), 0),
      coopsCountingWorkers: knownWorkers.length,
      towns: townsBySlug.size,
    },
    getCoop: (slug: string) => allCoops.find((coop) => coop.slug === slug),
    getService: (slug: string) => servicesBySlug.get(slug),
    getTechnology: (slug: string) => technologiesBySlug.get(slug),
    getTown: (slug: string) => townsBySlug.get(slug),
    membersOffering: (service: string) => membersByService.get(service) ?? [],
    membersUsing: (technology: string) => membersByTechnology.get(technology) ?? [],
    membersIn: (town: string) => membersByTown.get(town) ?? [],
    /** A co-op's services in the order its file lists them (its own priorities), as linkable entries. */
    servicesOf: (coop: C) => (coop.services ?? []).flatMap((slug) => servicesBySlug.get(slug) ?? []),
    technologiesOf: (coop: C) => (coop.technologies ?? []).flatMap((slug) => technologiesBySlug.get(slug) ?? []),
  };
}

/** `1 member co-op`, `5 member co-ops`. */
export function memberCoops(count: number): string {
  return `${count} member co-op${count === 1 ? '' : 's'}`;
}

/** The titles of the service, technology and town pages, shared by each page and its preview image. */
export const termHeading = {
  service: (service: TermEntry) => `Co-ops offering ${service.name}`,
  technology: (technology: TermEntry) => `Co-ops using ${technology.name}`,
  town: (town: Town) => `Co-ops in ${town.name}`,
};
