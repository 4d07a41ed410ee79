import 'server-only';
import { directory } from './index';

/** The co-ops a client can name in a brief: every current member co-op, by name. */
export const hireCoops = directory.members.map(({ slug, name }) => ({ slug, name }));

export const coopSlugs: readonly string[] = hireCoops.map((coop) => coop.slug);

/**
 * Every co-op's name by slug, former members too: a stored brief can outlive the membership of the co-op it named,
 * and members still read its name.
 */
export const coopNames: ReadonlyMap<string, string> = new Map(directory.coops.map(({ slug, name }) => [slug, name]));
