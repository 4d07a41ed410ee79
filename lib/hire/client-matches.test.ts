import { describe, expect, it } from 'vitest';
import { slugify } from '@/lib/slug';
import { askedFromQuery, askedQuery, clientMatches, shownMatches, type Asked } from './client-matches';
import { buildMatcher, type MatchableCoop } from './match';

const services = [
  { slug: 'web-design', name: 'Web Design' },
  { slug: 'ux', name: 'UX' },
  { slug: 'hosting', name: 'Hosting' },
];
const technologies = [
  { slug: 'drupal', name: 'Drupal' },
  { slug: 'php', name: 'PHP' },
];
const coops: MatchableCoop[] = [
  { slug: 'leeds-web', name: 'Leeds Web', member: true, town: 'Leeds', services: ['web-design'], technologies: [] },
  {
    slug: 'london-full',
    name: 'London Full',
    member: true,
    town: 'London',
    services: ['web-design', 'ux'],
    technologies: ['drupal'],
  },
  { slug: 'hosts', name: 'Hosts', member: true, town: 'Sheffield', services: ['hosting'], technologies: ['php'] },
  { slug: 'gone', name: 'Gone', member: false, town: 'Leeds', services: ['web-design', 'ux'], technologies: [] },
];

const match = buildMatcher(coops, { services, technologies });
const directory = {
  coops: new Map(coops.map((coop) => [coop.slug, { url: `/co-op/${coop.slug}`, town: coop.town }])),
  serviceNames: new Map(services.map(({ slug, name }) => [slug, name])),
  technologyNames: new Map(technologies.map(({ slug, name }) => [slug, name])),
  townName: (slug: string) => coops.find((coop) => coop.member && slugify(coop.town ?? '') === slug)?.town,
};
const matchesFor = (asked: Asked) =>
  clientMatches(
    asked,
    match({ ...asked, location: asked.town === undefined ? { remote: true } : { town: asked.town } }),
    directory,
  );

describe('the co-ops a client is shown after sending a brief', () => {
  it('are those offering every service asked for, each card naming them, and no town when remote is fine', () => {
    const matches = matchesFor({ services: ['web-design'], technologies: [] });
    expect(matches.full).toBe(true);
    expect(matches.intro).toBe('2 member co-ops offer Web Design.');
    expect(matches.cards).toEqual([
      { slug: 'leeds-web', name: 'Leeds Web', url: '/co-op/leeds-web', lines: ['Offers Web Design.'] },
      { slug: 'london-full', name: 'London Full', url: '/co-op/london-full', lines: ['Offers Web Design.'] },
    ]);
  });

  it('in the client’s town when they gave one, saying so, with the technologies each uses', () => {
    const matches = matchesFor({ services: ['web-design'], technologies: ['drupal'], town: 'leeds' });
    expect(matches.full).toBe(true);
    expect(matches.intro).toBe('One member co-op offers Web Design in Leeds.');
    expect(matches.cards.map((card) => card.lines)).toEqual([
      ['Offers Web Design.', 'Does not list Drupal.', 'Based in Leeds, as you are.'],
    ]);
  });

  it('with no full match, the nearest: all of it from another town first, then part of it, each saying what', () => {
    const matches = matchesFor({ services: ['web-design', 'ux'], technologies: ['drupal', 'php'], town: 'leeds' });
    expect(matches.full).toBe(false);
    expect(matches.heading).toBe('The member co-ops nearest to your brief');
    expect(matches.intro).toBe('No member co-op in your town offers every service you asked for: these come nearest.');
    expect(matches.cards.map(({ slug, lines }) => [slug, lines])).toEqual([
      ['london-full', ['Offers Web Design and UX.', 'Uses Drupal, not PHP.', 'Based in London.']],
      ['leeds-web', ['Offers Web Design, not UX.', 'Does not list Drupal or PHP.', 'Based in Leeds, as you are.']],
      ['hosts', ['Offers none of the services you asked for.', 'Uses PHP, not Drupal.', 'Based in Sheffield.']],
    ]);
  });

  it('with no co-op offering all of it anywhere, says so, and shows who offers part of it', () => {
    const matches = matchesFor({ services: ['ux', 'hosting'], technologies: [] });
    expect(matches.full).toBe(false);
    expect(matches.intro).toBe('No member co-op offers every service you asked for: these come nearest.');
    expect(matches.cards.map(({ slug, lines }) => [slug, lines])).toEqual([
      ['hosts', ['Offers Hosting, not UX.']],
      ['london-full', ['Offers UX, not Hosting.']],
    ]);
  });

  it('never names a place the directory does not have, and says when nobody matches', () => {
    const elsewhere = matchesFor({ services: ['web-design'], technologies: [], town: 'call-0800-000-000' });
    expect(elsewhere.full).toBe(false);
    expect(JSON.stringify(elsewhere)).not.toMatch(/0800/);
    expect(elsewhere.intro).toBe('No member co-op in your town offers Web Design: these come nearest.');
    const nobody = matchesFor({ services: [], technologies: [] });
    expect(nobody).toMatchObject({ full: false, heading: 'No member co-op matches your brief', cards: [] });
  });

  it(`shows at most ${shownMatches}, the best first, and says how many match`, () => {
    const many: MatchableCoop[] = Array.from({ length: 9 }, (_, n) => ({
      slug: `c${n}`,
      name: `Co-op ${n}`,
      member: true,
      services: ['hosting'],
      technologies: n === 8 ? ['php'] : [],
    }));
    const matches = clientMatches(
      { services: ['hosting'], technologies: ['php'] },
      buildMatcher(many, { services, technologies })({
        services: ['hosting'],
        technologies: ['php'],
        location: { remote: true },
      }),
      { ...directory, coops: new Map() },
    );
    expect(matches.cards).toHaveLength(shownMatches);
    expect(matches.cards[0]).toEqual({
      slug: 'c8',
      name: 'Co-op 8',
      url: '/co-op/c8',
      lines: ['Offers Hosting.', 'Uses PHP.'],
    });
    expect(matches.intro).toBe(`9 member co-ops offer Hosting: here are the ${shownMatches} that fit it best.`);
  });
});

describe('what was asked, in the thanks page’s address', () => {
  const known = { services: new Set(['web-design', 'ux']), technologies: new Set(['drupal']) };

  it('reads back as it was written', () => {
    const asked = { services: ['web-design', 'ux'], technologies: ['drupal'], town: 'newcastle-upon-tyne' };
    expect(askedQuery(asked)).toBe('service=web-design&service=ux&technology=drupal&town=newcastle-upon-tyne');
    expect(askedFromQuery(new URLSearchParams(askedQuery(asked)), known)).toEqual(asked);
    expect(askedFromQuery(new URLSearchParams(askedQuery({ services: ['ux'], technologies: [] })), known)).toEqual({
      services: ['ux'],
      technologies: [],
    });
  });

  it('keeps only what the directory knows, once each, and a town spelled as a slug', () => {
    const query = new URLSearchParams(
      'service=ux&service=ux&service=<b>&technology=cobol&technology=drupal&town=Call%20us%20on%200800',
    );
    expect(askedFromQuery(query, known)).toEqual({ services: ['ux'], technologies: ['drupal'] });
  });
});
