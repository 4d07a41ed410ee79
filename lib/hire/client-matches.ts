import type { Suggestion } from './match';

/**
 * What a client asked for that matching reads, as the thanks page's address carries it: service and technology
 * slugs, and the slug of their town (none when remote is fine). Only the directory's words are ever shown from it
 * (lib/hire/suggest.ts keeps what the directory knows), so the address cannot make the page say anything else.
 */
export type Asked = { services: readonly string[]; technologies: readonly string[]; town?: string };

/** One member co-op as the client sees it after sending a brief: its name, its page, and why it is shown. */
export type MatchCard = { slug: string; name: string; url: string; lines: string[] };

/**
 * The member co-ops shown to a client: those offering every service asked for (in the client's town, when they gave
 * one and did not say remote is fine), or, when none does, the nearest: all of it from another town, or part of it.
 */
export type ClientMatches = { full: boolean; heading: string; intro: string; cards: MatchCard[] };

/**
 * What the matching reads from the directory to say it in words: each co-op's page and town, each service's and
 * technology's name.
 */
export type MatchDirectory = {
  coops: ReadonlyMap<string, { url: string; town?: string }>;
  serviceNames: ReadonlyMap<string, string>;
  technologyNames: ReadonlyMap<string, string>;
  /** A member co-op's town by its slug, as the directory spells it; none for a place no member co-op is in. */
  townName: (slug: string) => string | undefined;
};

/** At most this many cards: the best of them, as members would see them suggested. */
export const shownMatches = 6;

/** Said with every brief's matches, whatever they are: no client is left thinking the cards are all they get. */
export const networkNote =
  'Your brief has gone to the whole network anyway, as every brief does: members read it and pass it to the co-ops ' +
  'best placed to help, who will write to you.';

const orList = new Intl.ListFormat('en-GB', { style: 'long', type: 'disjunction' });
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const coops = (count: number) => (count === 1 ? 'One member co-op offers' : `${count} member co-ops offer`);

/**
 * The client's view of the ranked suggestions for what they asked (lib/hire/match.ts, the matching members see when
 * they forward a brief): the full matches, or else the nearest, at most `shownMatches`, each card saying in words
 * which of the asked services and technologies the co-op offers and, when the client gave a place, where it is.
 */
export function clientMatches(
  asked: Asked,
  suggestions: readonly Suggestion[],
  directory: MatchDirectory,
): ClientMatches {
  const wanted = asked.services.filter((slug) => directory.serviceNames.has(slug));
  const technologies = asked.technologies.filter((slug) => directory.technologyNames.has(slug));
  const names = (slugs: readonly string[], of = directory.serviceNames) => slugs.map((slug) => of.get(slug) ?? slug);
  const everything = wanted.length === 1 ? names(wanted).join('') : 'every service you asked for';
  const offersAll = (suggestion: Suggestion) => wanted.every((slug) => suggestion.services.includes(slug));
  const inTown = (suggestion: Suggestion) => asked.town === undefined || suggestion.town !== undefined;
  const full = suggestions.filter((suggestion) => offersAll(suggestion) && inTown(suggestion));
  const shown = (full.length > 0 ? full : suggestions).slice(0, shownMatches);

  const card = (suggestion: Suggestion): MatchCard => {
    const coop = directory.coops.get(suggestion.slug);
    const reason = (kind: 'services' | 'technologies') => suggestion.reasons.find((r) => r.kind === kind)?.text;
    const but = (missing: readonly string[], of?: ReadonlyMap<string, string>) =>
      missing.length > 0 ? `, not ${orList.format(names(missing, of))}` : '';
    const offers = reason('services');
    const uses = reason('technologies');
    const unused = technologies.filter((slug) => !suggestion.technologies.includes(slug));
    const lines = [
      offers
        ? `${capitalised(offers)}${but(wanted.filter((slug) => !suggestion.services.includes(slug)))}.`
        : 'Offers none of the services you asked for.',
      ...(uses ? [`${capitalised(uses)}${but(unused, directory.technologyNames)}.`] : []),
      ...(!uses && unused.length > 0
        ? [`Does not list ${orList.format(names(unused, directory.technologyNames))}.`]
        : []),
      ...(asked.town !== undefined && coop?.town
        ? [suggestion.town ? `Based in ${coop.town}, as you are.` : `Based in ${coop.town}.`]
        : []),
    ];
    return { slug: suggestion.slug, name: suggestion.name, url: coop?.url ?? `/co-op/${suggestion.slug}`, lines };
  };

  if (full.length > 0) {
    const town = asked.town === undefined ? undefined : directory.townName(asked.town);
    const fitting = full.length > shown.length ? `: here are the ${shown.length} that fit it best` : '';
    return {
      full: true,
      heading: 'Member co-ops that match your brief',
      intro: `${coops(full.length)} ${everything}${town ? ` in ${town}` : ''}${fitting}.`,
      cards: shown.map(card),
    };
  }
  if (shown.length === 0) {
    return {
      full: false,
      heading: 'No member co-op matches your brief',
      intro: `No member co-op lists ${wanted.length === 1 ? everything : 'the services you asked for'}.`,
      cards: [],
    };
  }
  const elsewhere = asked.town !== undefined && suggestions.some(offersAll);
  return {
    full: false,
    heading: 'The member co-ops nearest to your brief',
    intro: `No member co-op ${elsewhere ? 'in your town ' : ''}offers ${everything}: these come nearest.`,
    cards: shown.map(card),
  };
}

/** The thanks page's query for what was asked: `service=web-design&service=hosting&technology=drupal&town=leeds`. */
export function askedQuery(asked: Asked): string {
  const query = new URLSearchParams();
  for (const slug of asked.services) query.append('service', slug);
  for (const slug of asked.technologies) query.append('technology', slug);
  if (asked.town !== undefined) query.set('town', asked.town);
  return query.toString();
}

const townSlug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What a thanks page's address asks for, keeping only the services and technologies in `known` (once each, in the
 * order given), and a town only when it is spelled as a slug; anything else in the address is ignored.
 */
export function askedFromQuery(
  query: URLSearchParams,
  known: { services: ReadonlySet<string>; technologies: ReadonlySet<string> },
): Asked {
  const kept = (name: string, set: ReadonlySet<string>) => [...new Set(query.getAll(name))].filter((s) => set.has(s));
  const town = query.get('town') ?? '';
  return {
    services: kept('service', known.services),
    technologies: kept('technology', known.technologies),
    ...(townSlug.test(town) && town.length <= 100 ? { town } : {}),
  };
}
