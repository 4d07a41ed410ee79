import { allServices } from 'contentlayer/generated';

const byName = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** The services a client can ask for: every service in content/services/, by name. */
export const hireServices = [...allServices]
  .sort((a, b) => byName.compare(a.name, b.name))
  .map(({ slug, name }) => ({ slug, name }));

export const serviceSlugs: readonly string[] = hireServices.map((service) => service.slug);
