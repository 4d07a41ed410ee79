import { slugify } from '@/lib/slug';

/**
 * What matching reads from a co-op: the fields of the directory's co-op entries that a brief is compared with.
 * Declared here rather than imported so the module stays pure and independent of where the directory lives.
 */
export type MatchableCoop = {
  slug: string;
  name: string;
  member: boolean;
  town?: string;
  services?: readonly string[];
  technologies?: readonly string[];
};

/** The directory's names for the slugs, so reasons read as the site does ("Web Design", not `web-design`). */
export type MatchNames = {
  services: readonly { slug: string; name: string }[];
  technologies: readonly { slug: string; name: string }[];
};

/**
 * What a client asks for: service and technology slugs from the directory's lists, where they are, and the slug of
 * a co-op they would like to work with, if they named one.
 */
export type Brief = {
  services: readonly string[];
  technologies?: readonly string[];
  location: { remote: true } | { town: string };
  coop?: string;
};

export type Reason = { kind: 'named' | 'services' | 'technologies' | 'town'; text: string; points: number };

export type Suggestion = {
  slug: string;
  name: string;
  /** The sum of the reasons' points: see `buildMatcher` for the weights. */
  score: number;
  /** The wanted services this co-op offers, and the wanted technologies it uses, in the brief's order. */
  services: string[];
  technologies: string[];
  /** The co-op's town when it is the client's (never for a remote brief). */
  town?: string;
  reasons: Reason[];
  /** The reasons in one line: `offers Web Design and UX; uses Drupal; based in Leeds`. */
  summary: string;
};

/** A member co-op as matching needs it: its town's slug computed once, its place in the name order. */
type Member = Required<Omit<MatchableCoop, 'member'>> & { townSlug: string; rank: number };

/** A service or technology with the member co-ops that list it. */
type Term = { slug: string; name: string; coops: Member[] };

type Hit = { coop: Member; services: Term[]; technologies: Term[] };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const list = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

function namesBySlug(kind: string, entries: readonly { slug: string; name: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { slug, name } of entries) {
    if (names.has(slug)) throw new Error(`The ${kind} list has the slug "${slug}" twice`);
    names.set(slug, name);
  }
  return names;
}

/**
 * Indexes the current member co-ops once; the function it returns ranks them against a brief.
 *
 * Ranking is by priority, services first, then technologies, then town, then name, and the score says so in
 * points a member can add up from the reasons:
 * - the same town as the client (only when the client is not remote): 1 point;
 * - each wanted technology the co-op uses: 2 points, so any technology outweighs the town;
 * - each wanted service the co-op offers: 2 × (technologies the brief lists) + 2 points, so one more service
 *   outweighs every technology and the town together. The weight depends on the brief for that reason: with fixed
 *   weights, a brief listing many technologies could rank a co-op that does less of the job above one that does more.
 *
 * A co-op appears only when it offers a wanted service or uses a wanted technology: being nearby is no reason to
 * send a co-op work it does not do. The exception is the co-op the client named: it comes first whatever else
 * matches, with the reason `named by the client` (and its other reasons, if it matches too), worth no points, since
 * the client's wish is not a measure of fit and the score should still say how well it fits. Former members never
 * appear. Slugs in a brief that the directory does not know match nothing (a stored brief can outlive a service); a
 * co-op listing a slug the names do not know is an error, as the content build already refuses it.
 */
export function buildMatcher(coops: readonly MatchableCoop[], names: MatchNames): (brief: Brief) => Suggestion[] {
  const serviceNames = namesBySlug('service', names.services);
  const technologyNames = namesBySlug('technology', names.technologies);

  const current = coops.filter((coop) => coop.member);
  const seen = new Set<string>();
  for (const coop of current) {
    if (seen.has(coop.slug)) throw new Error(`Two member co-ops have the slug "${coop.slug}"`);
    seen.add(coop.slug);
  }
  // Ties go by name as the directory sorts names; ranks are precomputed so sorting a match compares integers.
  const byName = current.sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
  const members = byName.map((coop, rank): Member => {
    const town = coop.town?.trim() ?? '';
    const { slug, name, services = [], technologies = [] } = coop;
    return { slug, name, services, technologies, town, townSlug: slugify(town), rank };
  });
  const membersBySlug = new Map(members.map((member) => [member.slug, member]));

  // Inverted indexes: a match visits only the co-ops that share a slug with the brief, not the whole directory.
  const offering = invert('service', members, (member) => member.services, serviceNames);
  const using = invert('technology', members, (member) => member.technologies, technologyNames);

  return function match(brief: Brief): Suggestion[] {
    const wantedTechnologies = new Set(brief.technologies ?? []);
    const clientTown = 'town' in brief.location ? slugify(brief.location.town) : '';
    const servicePoints = 2 * wantedTechnologies.size + 2;

    const hits = new Map<Member, Hit>();
    // A former member or an unknown slug is named in vain: only current members are suggested.
    const named = brief.coop === undefined ? undefined : membersBySlug.get(brief.coop);
    if (named) hitFor(hits, named);
    for (const service of known(brief.services, offering)) {
      for (const coop of service.coops) hitFor(hits, coop).services.push(service);
    }
    for (const technology of known(wantedTechnologies, using)) {
      for (const coop of technology.coops) hitFor(hits, coop).technologies.push(technology);
    }

    // Many co-ops match the same few slugs: each distinct list is phrased once per brief (Intl.ListFormat is most
    // of a match's time otherwise).
    const phrases = new Map<string, string>();
    const phrase = (verb: string, terms: readonly Term[]) => {
      const key = `${verb} ${terms.map((term) => term.slug).join(' ')}`;
      let text = phrases.get(key);
      if (text === undefined) phrases.set(key, (text = `${verb} ${list.format(terms.map((term) => term.name))}`));
      return text;
    };

    const ranked = [...hits.values()].map(({ coop, services, technologies }) => {
      const sameTown = clientTown !== '' && coop.townSlug === clientTown;
      const reasons: Reason[] = [];
      if (coop === named) reasons.push({ kind: 'named', text: 'named by the client', points: 0 });
      if (services.length > 0) {
        reasons.push({ kind: 'services', text: phrase('offers', services), points: servicePoints * services.length });
      }
      if (technologies.length > 0) {
        reasons.push({ kind: 'technologies', text: phrase('uses', technologies), points: 2 * technologies.length });
      }
      if (sameTown) reasons.push({ kind: 'town', text: `based in ${coop.town}`, points: 1 });
      const suggestion: Suggestion = {
        slug: coop.slug,
        name: coop.name,
        score: reasons.reduce((sum, reason) => sum + reason.points, 0),
        services: services.map((service) => service.slug),
        technologies: technologies.map((technology) => technology.slug),
        ...(sameTown ? { town: coop.town } : {}),
        reasons,
        summary: reasons.map((reason) => reason.text).join('; '),
      };
      return { suggestion, rank: coop.rank, first: coop === named };
    });
    ranked.sort(
      (a, b) => Number(b.first) - Number(a.first) || b.suggestion.score - a.suggestion.score || a.rank - b.rank,
    );
    return ranked.map(({ suggestion }) => suggestion);
  };
}

/** The terms of a brief's slugs that the index knows, once each, in the brief's order. */
function* known(slugs: Iterable<string>, index: ReadonlyMap<string, Term>): Generator<Term> {
  for (const slug of new Set(slugs)) {
    const term = index.get(slug);
    if (term) yield term;
  }
}

function hitFor(hits: Map<Member, Hit>, coop: Member): Hit {
  let hit = hits.get(coop);
  if (!hit) hits.set(coop, (hit = { coop, services: [], technologies: [] }));
  return hit;
}

/** Slug → its name and the members listing it, checking every slug a co-op lists against the directory's names. */
function invert(
  kind: string,
  members: readonly Member[],
  slugsOf: (member: Member) => readonly string[],
  names: ReadonlyMap<string, string>,
): Map<string, Term> {
  const index = new Map<string, Term>();
  for (const member of members) {
    for (const slug of new Set(slugsOf(member))) {
      const name = names.get(slug);
      if (name === undefined) {
        throw new Error(`The co-op "${member.slug}" lists the ${kind} "${slug}", which is not in the ${kind} list`);
      }
      const term = index.get(slug) ?? { slug, name, coops: [] };
      term.coops.push(member);
      index.set(slug, term);
    }
  }
  return index;
}
