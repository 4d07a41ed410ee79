import 'server-only';
import { allCoops, allServices, allTechnologies } from 'contentlayer/generated';
import { kindContext } from '@/lib/enquiries/choices';
import type { ThanksDetails } from '@/lib/enquiries/handler';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { slugify } from '@/lib/slug';
import {
  askedFromQuery,
  askedQuery,
  clientMatches,
  type Asked,
  type ClientMatches,
  type MatchDirectory,
} from './client-matches';
import { buildMatcher, type Suggestion } from './match';

// Indexed once, from the same directory data the site is built from: members forwarding a brief and the client who
// sent it see the same matching.
const match = buildMatcher(allCoops, { services: allServices, technologies: allTechnologies });

/**
 * The member co-ops suggested for a stored brief, best first, with their reasons; the co-op the client named, if
 * it is still a member, comes first. The client named technologies in their own words; as slugs they match the
 * directory's (`Ruby on Rails` → `ruby-on-rails`), and others match nothing. A client who says remote is fine is
 * not matched by town.
 */
export function suggestFor(
  brief: Pick<StoredEnquiry, 'services' | 'technologies' | 'location' | 'remote'> &
    Partial<Pick<StoredEnquiry, 'coop'>>,
): Suggestion[] {
  return match({
    services: brief.services ?? [],
    technologies: (brief.technologies ?? []).map(slugify),
    location: brief.remote || !brief.location ? { remote: true } : { town: brief.location },
    ...(brief.coop ? { coop: brief.coop } : {}),
  });
}

const known = {
  services: new Set(kindContext.serviceSlugs),
  technologies: new Set(allTechnologies.map((technology) => technology.slug)),
};

const members = allCoops.filter((coop) => coop.member);
const directory: MatchDirectory = {
  coops: new Map(members.map(({ slug, url, town }) => [slug, { url, ...(town?.trim() && { town: town.trim() }) }])),
  serviceNames: new Map(allServices.map(({ slug, name }) => [slug, name])),
  technologyNames: new Map(allTechnologies.map(({ slug, name }) => [slug, name])),
  townName: (slug) => members.find((coop) => coop.town && slugify(coop.town) === slug)?.town?.trim(),
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * What a validated brief asks for, as its thanks page's address carries it: the services, the technologies the
 * directory knows (the client's words as slugs, as suggestFor reads them), and the town's slug unless remote is fine.
 */
export function askedIn(brief: Readonly<Record<string, unknown>>): Asked {
  const technologies = [...new Set(strings(brief.technologies).map(slugify))];
  const town = brief.remote === true || typeof brief.location !== 'string' ? '' : slugify(brief.location);
  return {
    services: strings(brief.services).filter((slug) => known.services.has(slug)),
    technologies: technologies.filter((slug) => known.technologies.has(slug)),
    ...(town && { town }),
  };
}

/** What a thanks page's address asks for (lib/hire/client-matches.ts askedFromQuery, against the directory). */
export const askedInQuery = (query: URLSearchParams): Asked => askedFromQuery(query, known);

/** The member co-ops a client is shown for what they asked, with the member's matching. */
export function matchesFor(asked: Asked): ClientMatches {
  const suggestions = match({
    services: asked.services,
    technologies: asked.technologies,
    location: asked.town === undefined ? { remote: true } : { town: asked.town },
  });
  return clientMatches(asked, suggestions, directory);
}

/**
 * A brief's thanks (lib/enquiries/handler.ts): its page's address carries what was asked, and the JSON answer the
 * matches themselves, for the thanks in place.
 */
export const matchesThanks: ThanksDetails = (values) => {
  const asked = askedIn(values);
  return { query: askedQuery(asked), answer: { matches: matchesFor(asked) } };
};
