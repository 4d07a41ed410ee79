import { describe, expect, it } from 'vitest';
import { buildDirectory, memberCoops, termHeading, townOf, type CoopEntry, type TermEntry } from './directory';

const term = (prefix: string, slug: string, name: string): TermEntry => ({ slug, name, url: `/${prefix}/${slug}` });
const services = [term('service', 'hosting', 'Hosting'), term('service', 'web-design', 'Web Design')];
const technologies = [term('technology', 'drupal', 'Drupal'), term('technology', 'php', 'PHP')];

function coop(slug: string, fields: Partial<CoopEntry> = {}): CoopEntry {
  return { slug, url: `/co-op/${slug}`, name: slug, member: true, ...fields };
}

const coops = [
  coop('webarchitects', {
    name: 'Webarchitects',
    town: 'Sheffield',
    workerMembers: 3,
    services: ['hosting'],
    technologies: ['php'],
  }),
  coop('agile', {
    name: 'Agile Collective',
    town: 'Oxford',
    workerMembers: 12,
    services: ['web-design', 'hosting'],
    technologies: ['drupal', 'php'],
  }),
  coop('kin', { name: 'kin Coop' }),
  coop('cetis', { name: 'Cetis', town: 'Newcastle Upon Tyne', workerMembers: 12, services: ['web-design'] }),
  coop('fractals', { name: 'Fractals', town: 'Newcastle upon Tyne ', workerMembers: 4 }),
  coop('gone', { name: 'Gone Co-op', member: false, town: 'Leeds', workerMembers: 40, services: ['hosting'] }),
];
const directory = buildDirectory(coops, services, technologies);
const slugs = (list: readonly CoopEntry[]) => list.map((entry) => entry.slug);

describe('buildDirectory', () => {
  it('lists current members by name, ignoring case, and keeps former members only among all co-ops', () => {
    expect(slugs(directory.members)).toEqual(['agile', 'cetis', 'fractals', 'kin', 'webarchitects']);
    expect(slugs(directory.coops)).toEqual(['agile', 'cetis', 'fractals', 'gone', 'kin', 'webarchitects']);
    expect(directory.getCoop('gone')?.member).toBe(false);
  });

  it('indexes the member co-ops per service and technology, by name, leaving former members out', () => {
    expect(slugs(directory.membersOffering('hosting'))).toEqual(['agile', 'webarchitects']);
    expect(slugs(directory.membersOffering('web-design'))).toEqual(['agile', 'cetis']);
    expect(slugs(directory.membersUsing('php'))).toEqual(['agile', 'webarchitects']);
    expect(directory.membersOffering('printing')).toEqual([]);
  });

  it('makes towns from the co-ops’ own town names, one per slug however it is capitalised', () => {
    expect(directory.towns).toEqual([
      { slug: 'newcastle-upon-tyne', name: 'Newcastle Upon Tyne', url: '/town/newcastle-upon-tyne' },
      { slug: 'oxford', name: 'Oxford', url: '/town/oxford' },
      { slug: 'sheffield', name: 'Sheffield', url: '/town/sheffield' },
    ]);
    expect(slugs(directory.membersIn('newcastle-upon-tyne'))).toEqual(['cetis', 'fractals']);
    expect(directory.getTown('leeds')).toBeUndefined();
  });

  it('computes the headline figures from the current members only', () => {
    expect(directory.figures).toEqual({ members: 5, workerMembers: 31, coopsCountingWorkers: 4, towns: 3 });
  });

  it('gives a co-op’s services in its own order and sorts the taxonomy by name', () => {
    const agile = directory.getCoop('agile');
    expect(agile && directory.servicesOf(agile).map((service) => service.name)).toEqual(['Web Design', 'Hosting']);
    expect(directory.technologies.map((technology) => technology.name)).toEqual(['Drupal', 'PHP']);
    expect(directory.getService('hosting')?.url).toBe('/service/hosting');
  });

  it('picks up a co-op added to the content with no other change', () => {
    const added = buildDirectory(
      [...coops, coop('new', { name: 'New Co-op', town: 'Leeds', workerMembers: 2, services: ['hosting'] })],
      services,
      technologies,
    );
    expect(slugs(added.members)).toContain('new');
    expect(slugs(added.membersOffering('hosting'))).toEqual(['agile', 'new', 'webarchitects']);
    expect(slugs(added.membersIn('leeds'))).toEqual(['new']);
    expect(added.figures).toEqual({ members: 6, workerMembers: 33, coopsCountingWorkers: 5, towns: 4 });
  });
});

describe('townOf', () => {
  it('has no town for a co-op whose file gives none or a blank one', () => {
    expect(townOf({})).toBeUndefined();
    expect(townOf({ town: '  ' })).toBeUndefined();
  });
});

describe('page wording', () => {
  it('counts co-ops and names the term pages', () => {
    expect(memberCoops(1)).toBe('1 member co-op');
    expect(memberCoops(0)).toBe('0 member co-ops');
    expect(termHeading.town({ slug: 'oxford', name: 'Oxford', url: '/town/oxford' })).toBe('Co-ops in Oxford');
  });
});
