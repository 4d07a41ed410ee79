import 'server-only';
import { allCoops, allServices, allTechnologies, type Coop } from 'contentlayer/generated';
import { buildDirectory, townOf, type TermEntry } from './directory';
import type { FilterEntry, FilterOption, TermFilterKey } from './filter';

export type { Coop };

/**
 * The members directory, indexed once when the module loads. Every page that uses it is prerendered, so this
 * runs at build time, not per request.
 */
export const directory = buildDirectory(allCoops, allServices, allTechnologies);

/** A filter choice: a service, technology or town that at least one member co-op has, with how many do. */
function options(terms: readonly TermEntry[], membersOf: (slug: string) => readonly Coop[]): FilterOption[] {
  return terms
    .map(({ slug, name, url }) => ({ slug, name, url, count: membersOf(slug).length }))
    .filter((option) => option.count > 0);
}

export const filterOptions = {
  service: options(directory.services, directory.membersOffering),
  technology: options(directory.technologies, directory.membersUsing),
  town: options(directory.towns, directory.membersIn),
} satisfies Record<TermFilterKey, FilterOption[]>;

/** Every service, by name, with how many member co-ops offer it (none, for some): the index of services. */
export const serviceIndex = directory.services.map(({ slug, name, url }) => ({
  slug,
  name,
  url,
  count: directory.membersOffering(slug).length,
}));

/** What the browser filters on, per member co-op: the slugs it is filed under and the words it is found by. */
export const filterEntries: FilterEntry[] = directory.members.map((coop) => {
  const town = townOf(coop);
  const services = directory.servicesOf(coop);
  const technologies = directory.technologiesOf(coop);
  return {
    slug: coop.slug,
    services: services.map((service) => service.slug),
    technologies: technologies.map((technology) => technology.slug),
    ...(town && { town: town.slug }),
    text: [coop.name, town?.name ?? '', ...services.map((s) => s.name), ...technologies.map((t) => t.name)]
      .join(' ')
      .toLowerCase(),
  };
});
