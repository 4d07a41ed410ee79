import { describe, expect, it } from 'vitest';
import { offeredServices } from './service-groups';

const services = [
  { slug: 'film', name: 'Film', group: 'design' },
  { slug: 'hosting', name: 'Hosting', group: 'hosting' },
  { slug: 'email', name: 'Email', group: 'hosting' },
  { slug: 'printing', name: 'Printing', group: 'print' },
  { slug: 'web-design', name: 'Web Design', group: 'design' },
  { slug: 'sysadmin', name: 'Sysadmin', group: 'hosting' },
];
const offering: Record<string, string[]> = {
  film: ['a'],
  hosting: ['b', 'c'],
  email: ['b', 'c'],
  sysadmin: ['d'],
  'web-design': ['a'],
};
const offeredBy = (slug: string) => (offering[slug] ?? []).map((coop) => ({ slug: coop }));

describe('the services a brief can ask for', () => {
  it('leaves out a service no member co-op offers', () => {
    expect(offeredServices(services, offeredBy).map((service) => service.slug)).not.toContain('printing');
  });

  it('puts the group more co-ops offer something in first, and in a group the more offered service first', () => {
    expect(offeredServices(services, offeredBy).map(({ slug, group, coops }) => [slug, group, coops])).toEqual([
      // Three co-ops offer hosting's services (b, c, d), one design's (a).
      ['email', 'hosting', 2],
      ['hosting', 'hosting', 2],
      ['sysadmin', 'hosting', 1],
      ['film', 'design', 1],
      ['web-design', 'design', 1],
    ]);
  });

  it('carries its group’s words', () => {
    expect(offeredServices(services, offeredBy)[0]).toMatchObject({ groupLabel: 'Hosting and support' });
  });

  it('refuses a service in no known group', () => {
    expect(() => offeredServices([{ slug: 'x', name: 'X', group: 'printng' }], () => [{ slug: 'a' }])).toThrow(
      'The service "x" is in no known group ("printng")',
    );
  });
});
