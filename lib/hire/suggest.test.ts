import { allCoops } from 'contentlayer/generated';
import { describe, expect, it } from 'vitest';
import { suggestFor } from './suggest';

// Against the real directory: the co-ops are whatever content/coops/ says, so the expectations are read from it.
const members = allCoops.filter((coop) => coop.member);
const offering = (service: string) => members.filter((coop) => coop.services?.includes(service));

describe('suggestFor', () => {
  it('suggests exactly the member co-ops offering a wanted service, each with its reason', () => {
    const suggestions = suggestFor({ services: ['hosting'], technologies: [], location: null, remote: true });
    expect(offering('hosting').length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.slug).sort()).toEqual(
      offering('hosting')
        .map((coop) => coop.slug)
        .sort(),
    );
    for (const suggestion of suggestions) expect(suggestion.summary).toBe('offers Hosting');
  });

  it('reads technologies in the client’s words as the directory’s slugs', () => {
    const user = members.find((coop) => (coop.technologies ?? []).length > 0);
    const technology = user?.technologies?.[0] ?? '';
    const typed = technology.toUpperCase().replaceAll('-', ' ');
    const suggestions = suggestFor({ services: [], technologies: [typed], location: null, remote: true });
    expect(suggestions.map((s) => s.slug)).toContain(user?.slug);
    expect(suggestions.every((s) => s.technologies.includes(technology))).toBe(true);
  });

  it('counts the town only when the client is not remote', () => {
    const coop = offering('hosting').find((c) => c.town);
    const town = coop?.town ?? '';
    const local = suggestFor({ services: ['hosting'], technologies: [], location: town, remote: false });
    expect(local.find((s) => s.slug === coop?.slug)?.summary).toBe(`offers Hosting; based in ${town}`);
    const remote = suggestFor({ services: ['hosting'], technologies: [], location: town, remote: true });
    expect(remote.find((s) => s.slug === coop?.slug)?.summary).toBe('offers Hosting');
  });

  it('suggests nobody for services and technologies nobody lists', () => {
    expect(
      suggestFor({ services: ['no-such-service'], technologies: ['Cobol 2099'], location: 'Leeds', remote: false }),
    ).toEqual([]);
  });
});
