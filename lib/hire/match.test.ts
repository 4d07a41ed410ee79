import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatcher, type Brief, type MatchableCoop, type MatchNames, type Suggestion } from './match';

const names: MatchNames = {
  services: [
    { slug: 'web-design', name: 'Web Design' },
    { slug: 'ux', name: 'UX' },
    { slug: 'development', name: 'Development' },
    { slug: 'hosting', name: 'Hosting' },
    { slug: 'training', name: 'Training' },
  ],
  technologies: [
    { slug: 'drupal', name: 'Drupal' },
    { slug: 'wordpress', name: 'WordPress' },
    { slug: 'php', name: 'PHP' },
    { slug: 'python', name: 'Python' },
  ],
};

const directory: MatchableCoop[] = [
  {
    slug: 'outlandish',
    name: 'Outlandish',
    member: true,
    town: 'London',
    services: ['web-design', 'development'],
    technologies: ['wordpress', 'php'],
  },
  {
    slug: 'agile-collective',
    name: 'Agile Collective',
    member: true,
    town: 'Oxford',
    services: ['web-design', 'ux', 'development'],
    technologies: ['drupal', 'php'],
  },
  {
    slug: 'webarchitects',
    name: 'Webarchitects',
    member: true,
    town: 'Sheffield',
    services: ['hosting'],
    technologies: ['php'],
  },
  {
    slug: 'dot-project',
    name: 'Dot Project',
    member: true,
    town: 'Leeds',
    services: ['ux', 'web-design'],
    technologies: ['drupal'],
  },
  {
    slug: 'code-operative',
    name: 'Code Operative',
    member: true,
    town: 'leeds ',
    services: ['development', 'hosting', 'training'],
    technologies: ['python'],
  },
  { slug: 'animorph', name: 'Animorph', member: true, town: 'Newcastle Upon Tyne', services: ['training'] },
  {
    slug: 'gone',
    name: 'Gone Co-op',
    member: false,
    town: 'Leeds',
    services: ['web-design', 'ux', 'development', 'hosting', 'training'],
    technologies: ['drupal', 'php', 'python'],
  },
];

const match = buildMatcher(directory, names);
const ranking = (suggestions: Suggestion[]) => suggestions.map(({ slug, score, summary }) => [slug, score, summary]);

describe('buildMatcher on a small directory', () => {
  it('ranks by services, then technologies, then the client’s town, with the reasons in the directory’s names', () => {
    const suggestions = match({
      services: ['web-design', 'ux'],
      technologies: ['drupal'],
      location: { town: 'Leeds' },
    });
    // One technology wanted: a service is worth 4 points, the technology 2, the town 1.
    expect(ranking(suggestions)).toEqual([
      ['dot-project', 11, 'offers Web Design and UX; uses Drupal; based in Leeds'],
      ['agile-collective', 10, 'offers Web Design and UX; uses Drupal'],
      ['outlandish', 4, 'offers Web Design'],
    ]);
    expect(suggestions[0]).toEqual({
      slug: 'dot-project',
      name: 'Dot Project',
      score: 11,
      services: ['web-design', 'ux'],
      technologies: ['drupal'],
      town: 'Leeds',
      reasons: [
        { kind: 'services', text: 'offers Web Design and UX', points: 8 },
        { kind: 'technologies', text: 'uses Drupal', points: 2 },
        { kind: 'town', text: 'based in Leeds', points: 1 },
      ],
      summary: 'offers Web Design and UX; uses Drupal; based in Leeds',
    });
  });

  it('leaves out former members and co-ops that match only by town', () => {
    const slugs = match({ services: ['web-design', 'ux'], technologies: ['drupal'], location: { town: 'Leeds' } }).map(
      (suggestion) => suggestion.slug,
    );
    expect(slugs).not.toContain('gone');
    // Code Operative is in Leeds but offers neither service nor uses Drupal.
    expect(slugs).not.toContain('code-operative');
  });

  it('puts the co-op the client named first, merging its reasons when it matches too', () => {
    const brief = { services: ['web-design', 'ux'], technologies: ['drupal'], location: { town: 'Leeds' } } as const;
    expect(ranking(match({ ...brief, coop: 'outlandish' }))).toEqual([
      ['outlandish', 4, 'named by the client; offers Web Design'],
      ['dot-project', 11, 'offers Web Design and UX; uses Drupal; based in Leeds'],
      ['agile-collective', 10, 'offers Web Design and UX; uses Drupal'],
    ]);
    expect(match({ ...brief, coop: 'outlandish' })[0]?.reasons).toEqual([
      { kind: 'named', text: 'named by the client', points: 0 },
      { kind: 'services', text: 'offers Web Design', points: 4 },
    ]);
    // Named, though it offers nothing the brief asks for: suggested for that alone, worth no points.
    expect(match({ ...brief, coop: 'animorph' })[0]).toEqual({
      slug: 'animorph',
      name: 'Animorph',
      score: 0,
      services: [],
      technologies: [],
      reasons: [{ kind: 'named', text: 'named by the client', points: 0 }],
      summary: 'named by the client',
    });
    expect(match({ ...brief, coop: 'animorph' })).toHaveLength(4);
  });

  it('suggests no former member and no unknown co-op for being named', () => {
    const brief = { services: ['web-design', 'ux'], technologies: ['drupal'], location: { town: 'Leeds' } } as const;
    const unnamed = ranking(match(brief));
    expect(ranking(match({ ...brief, coop: 'gone' }))).toEqual(unnamed);
    expect(ranking(match({ ...brief, coop: 'no-such-coop' }))).toEqual(unnamed);
  });

  it('breaks ties by name and names what matched in the brief’s order', () => {
    const suggestions = match({
      services: ['development', 'hosting'],
      technologies: ['php', 'python'],
      location: { remote: true },
    });
    expect(ranking(suggestions)).toEqual([
      ['code-operative', 14, 'offers Development and Hosting; uses Python'],
      ['agile-collective', 8, 'offers Development; uses PHP'],
      ['outlandish', 8, 'offers Development; uses PHP'],
      ['webarchitects', 8, 'offers Hosting; uses PHP'],
    ]);
  });

  it('ranks a co-op that only uses a wanted technology below every one offering a wanted service', () => {
    const suggestions = match({ services: ['hosting'], technologies: ['drupal'], location: { town: 'London' } });
    expect(ranking(suggestions)).toEqual([
      ['code-operative', 4, 'offers Hosting'],
      ['webarchitects', 4, 'offers Hosting'],
      ['agile-collective', 2, 'uses Drupal'],
      ['dot-project', 2, 'uses Drupal'],
    ]);
  });

  it('compares towns as the site’s town slugs: case, spacing and punctuation aside', () => {
    const suggestions = match({ services: ['training'], location: { town: '  newcastle upon-tyne' } });
    expect(ranking(suggestions)).toEqual([
      ['animorph', 3, 'offers Training; based in Newcastle Upon Tyne'],
      ['code-operative', 2, 'offers Training'],
    ]);
    expect(ranking(match({ services: ['training'], location: { town: 'LEEDS' } }))).toEqual([
      ['code-operative', 3, 'offers Training; based in leeds'],
      ['animorph', 2, 'offers Training'],
    ]);
  });

  it('ignores repeated slugs and slugs the directory does not know', () => {
    const plain = match({ services: ['web-design'], location: { remote: true } });
    expect(match({ services: ['web-design', 'printing', 'web-design'], location: { remote: true } })).toEqual(plain);
    expect(match({ services: ['printing'], technologies: ['cobol'], location: { town: 'Leeds' } })).toEqual([]);
    expect(match({ services: [], location: { remote: true } })).toEqual([]);
  });

  it('refuses a directory whose co-ops list a slug without a name, or share a slug', () => {
    const unnamed = [{ slug: 'x', name: 'X', member: true, services: ['printing'] }];
    expect(() => buildMatcher(unnamed, names)).toThrow(
      'The co-op "x" lists the service "printing", which is not in the service list',
    );
    const twice = [
      { slug: 'x', name: 'X', member: true },
      { slug: 'x', name: 'Y', member: true },
    ];
    expect(() => buildMatcher(twice, names)).toThrow('Two member co-ops have the slug "x"');
    const repeatedName = { ...names, technologies: [...names.technologies, { slug: 'php', name: 'Php' }] };
    expect(() => buildMatcher(directory, repeatedName)).toThrow('The technology list has the slug "php" twice');
  });
});

// Single letters, so that no name is part of another and a reason's text shows exactly which names it used.
const serviceSlugs = ['sa', 'sb', 'sc', 'sd', 'se', 'sf'];
const technologySlugs = ['ta', 'tb', 'tc', 'td'];
const randomNames: MatchNames = {
  services: serviceSlugs.map((slug) => ({ slug, name: `Service ${slug.slice(1).toUpperCase()}` })),
  technologies: technologySlugs.map((slug) => ({ slug, name: `Tech ${slug.slice(1).toUpperCase()}` })),
};
const serviceName = new Map(randomNames.services.map(({ slug, name }) => [slug, name]));
const technologyName = new Map(randomNames.technologies.map(({ slug, name }) => [slug, name]));
const towns = ['Leeds', 'leeds', 'Newcastle upon Tyne', 'Newcastle Upon Tyne', 'Oxford'];

const coopsArbitrary = fc
  .array(
    fc.record(
      {
        name: fc.constantFrom('Alpha', 'alpha', 'Beta', 'Gamma', 'Delta Co-op', 'Épsilon'),
        member: fc.boolean(),
        town: fc.constantFrom(...towns),
        services: fc.subarray(serviceSlugs),
        technologies: fc.subarray(technologySlugs),
      },
      { requiredKeys: ['name', 'member'] },
    ),
    { maxLength: 25 },
  )
  .map((coops): MatchableCoop[] => coops.map((coop, index) => ({ slug: `coop-${index}`, ...coop })));

const briefArbitrary: fc.Arbitrary<Brief> = fc.record(
  {
    services: fc.array(fc.constantFrom(...serviceSlugs, 'unknown'), { maxLength: 5 }),
    technologies: fc.array(fc.constantFrom(...technologySlugs, 'unknown'), { maxLength: 4 }),
    location: fc.oneof(
      fc.constant({ remote: true as const }),
      fc.record({ town: fc.constantFrom(...towns, 'LEEDS', ' oxford ', 'Nowhere', '') }),
    ),
  },
  { requiredKeys: ['services', 'location'] },
);

const withBoth = (run: (coops: MatchableCoop[], brief: Brief, suggestions: Suggestion[]) => void) =>
  fc.assert(
    fc.property(coopsArbitrary, briefArbitrary, (coops, brief) =>
      run(coops, brief, buildMatcher(coops, randomNames)(brief)),
    ),
  );

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const pairs = <T>(items: readonly T[]) => items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as const));

describe('buildMatcher on random directories and briefs', () => {
  it('suggests exactly the current members that offer a wanted service or use a wanted technology, once each', () => {
    withBoth((coops, brief, suggestions) => {
      const expected = coops.filter(
        (coop) =>
          coop.member &&
          (coop.services?.some((slug) => brief.services.includes(slug)) ||
            coop.technologies?.some((slug) => brief.technologies?.includes(slug))),
      );
      expect(suggestions.map((suggestion) => suggestion.slug).sort()).toEqual(expected.map((coop) => coop.slug).sort());
    });
  });

  it('orders by score, never increasing, and equal scores by name', () => {
    withBoth((_coops, _brief, suggestions) => {
      suggestions.slice(1).forEach((next, index) => {
        const previous = suggestions[index]!;
        expect(next.score).toBeLessThanOrEqual(previous.score);
        if (next.score === previous.score) expect(collator.compare(previous.name, next.name)).toBeLessThanOrEqual(0);
      });
    });
  });

  it('ranks more wanted services above fewer, then more technologies, then the client’s town', () => {
    withBoth((_coops, _brief, suggestions) => {
      const key = (s: Suggestion) => [s.services.length, s.technologies.length, s.town === undefined ? 0 : 1];
      for (const [higher, lower] of pairs(suggestions)) {
        const [a, b] = [key(higher), key(lower)];
        const firstDifference = a.findIndex((value, index) => value !== b[index]);
        if (firstDifference >= 0) expect(a[firstDifference]).toBeGreaterThan(b[firstDifference]!);
      }
    });
  });

  it('ranks every co-op offering all the wanted services above any offering fewer', () => {
    withBoth((_coops, brief, suggestions) => {
      const wanted = new Set(brief.services.filter((slug) => serviceSlugs.includes(slug))).size;
      const all = suggestions.findLastIndex((suggestion) => suggestion.services.length === wanted);
      const fewer = suggestions.findIndex((suggestion) => suggestion.services.length < wanted);
      if (all >= 0 && fewer >= 0) expect(all).toBeLessThan(fewer);
    });
  });

  it('gives reasons that name only what the brief asked for and the co-op has, and add up to the score', () => {
    withBoth((coops, brief, suggestions) => {
      for (const suggestion of suggestions) {
        const coop = coops.find((candidate) => candidate.slug === suggestion.slug)!;
        const wantedServices = [...new Set(brief.services)];
        const wantedTechnologies = [...new Set(brief.technologies ?? [])];
        expect(suggestion.services).toEqual(wantedServices.filter((slug) => coop.services?.includes(slug)));
        expect(suggestion.technologies).toEqual(wantedTechnologies.filter((slug) => coop.technologies?.includes(slug)));
        for (const [slug, name] of serviceName) {
          expect(suggestion.summary.includes(name)).toBe(suggestion.services.includes(slug));
        }
        for (const [slug, name] of technologyName) {
          expect(suggestion.summary.includes(name)).toBe(suggestion.technologies.includes(slug));
        }
        expect(suggestion.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(suggestion.score);
        expect(suggestion.summary).toBe(suggestion.reasons.map((reason) => reason.text).join('; '));
      }
    });
  });

  it('never mentions a town for a remote brief, and ranks it as if no co-op had one', () => {
    fc.assert(
      fc.property(coopsArbitrary, briefArbitrary, (coops, anyBrief) => {
        const brief: Brief = { ...anyBrief, location: { remote: true } };
        const suggestions = buildMatcher(coops, randomNames)(brief);
        for (const suggestion of suggestions) {
          expect(suggestion.town).toBeUndefined();
          expect(suggestion.reasons.map((reason) => reason.kind)).not.toContain('town');
          expect(suggestion.summary).not.toMatch(/based in/);
        }
        const townless = coops.map((coop) => ({ ...coop, town: undefined }));
        expect(buildMatcher(townless, randomNames)(brief)).toEqual(suggestions);
      }),
    );
  });
});
