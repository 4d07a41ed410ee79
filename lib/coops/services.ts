import 'server-only';
import { directory } from './index';

/**
 * Every service's name by slug, those no member offers now too: a stored brief can outlive the last co-op offering
 * what it asked for, and members still read its name. What a brief can ask for is lib/enquiries/choices.ts's.
 */
export const serviceNames: ReadonlyMap<string, string> = new Map(
  directory.services.map(({ slug, name }) => [slug, name]),
);
