import 'server-only';
import { directory } from './index';
import { offeredServices } from './service-groups';

/**
 * The services a client can ask for in a brief: those current member co-ops offer, in their groups, the most
 * offered first (lib/coops/service-groups.ts). The brief form, its option pages (/hire/SLUG) and the server's
 * check of a brief all take this list, so the form offers exactly what the server accepts.
 */
export const hireServices = offeredServices(directory.services, directory.membersOffering);

export const serviceSlugs: readonly string[] = hireServices.map((service) => service.slug);

/**
 * Every service's name by slug, those no member offers now too: a stored brief can outlive the last co-op offering
 * what it asked for, and members still read its name.
 */
export const serviceNames: ReadonlyMap<string, string> = new Map(
  directory.services.map(({ slug, name }) => [slug, name]),
);
