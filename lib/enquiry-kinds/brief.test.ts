import { describe, expect, it } from 'vitest';
import { briefKind } from './brief';
import { validate } from './kind';
import { validBrief } from '@/test/enquiry-data';

const services = ['web-design', 'hosting', 'training'];
const coops = ['outlandish', 'agile-collective'];
const check = (input: unknown) => validate(briefKind, input, { serviceSlugs: services, coopSlugs: coops });

describe('validateBrief', () => {
  it('accepts a valid brief, trimming text and reading technologies as a list', () => {
    const result = check({
      ...validBrief,
      organisation: '  Friends of the Park ',
      technologies: 'WordPress, , Drupal,WordPress',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        organisation: 'Friends of the Park',
        contactName: 'Grace Hopper',
        email: 'grace@example.org',
        description: validBrief.description,
        services: ['web-design', 'hosting'],
        technologies: ['WordPress', 'Drupal'],
        budget: '5k-20k',
        timescale: '1-3-months',
        location: 'Leeds',
        remote: true,
        consent: true,
      },
    });
  });

  it('reads a form’s values: one ticked service as a string, `on` for a ticked box, no technologies', () => {
    const result = check({ ...validBrief, services: 'training', technologies: '', remote: 'on', consent: 'on' });
    expect(result.ok && result.value).toMatchObject({ services: ['training'], technologies: [], remote: true });
  });

  it('needs a town or remote, and says so beside the location with every other message at once', () => {
    const result = check({ ...validBrief, location: '  ', remote: undefined, email: 'nope' });
    expect(result).toEqual({
      ok: false,
      errors: {
        email: ['Enter an email address like name@example.coop'],
        location: ['Enter your town or city, or tick “Remote is fine”'],
      },
    });
    expect(check({ ...validBrief, location: undefined, remote: true }).ok).toBe(true);
    const local = check({ ...validBrief, location: 'Leeds', remote: false });
    expect(local.ok && local.value).toMatchObject({ location: 'Leeds', remote: false });
  });

  it('refuses unknown or missing services, unknown choices, too many technologies and no consent', () => {
    const result = check({
      ...validBrief,
      services: [],
      budget: 'millions',
      timescale: undefined,
      technologies: Array.from({ length: 21 }, (_, n) => `Tech ${n}`),
      consent: false,
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        services: ['Choose at least one service'],
        technologies: ['Please name at most 20 technologies'],
        budget: ['Choose a budget range'],
        timescale: ['Choose when you need the work'],
        consent: ['We need your consent to store your brief'],
      },
    });
    expect(check({ ...validBrief, services: ['hosting', 'astrology'] })).toEqual({
      ok: false,
      errors: { services: ['Choose services from the list'] },
    });
  });

  it('takes a co-op the client names from the member co-ops, or none', () => {
    const named = check({ ...validBrief, coop: 'agile-collective' });
    expect(named.ok && named.value.coop).toBe('agile-collective');
    for (const none of [{ coop: '' }, { coop: '  ' }, {}]) {
      const result = check({ ...validBrief, ...none });
      expect(result.ok).toBe(true);
      expect(result.ok && 'coop' in result.value && result.value.coop !== undefined).toBe(false);
    }
    // The context holds the member co-ops: a former member's slug is as unknown as a made-up one.
    for (const coop of ['no-such-coop', 'we-are-open', ['outlandish'], 42]) {
      expect(check({ ...validBrief, coop })).toEqual({ ok: false, errors: { coop: ['Choose a co-op from the list'] } });
    }
  });

  it('offers the co-op as an optional list whose options the page gives, shown to members by name', () => {
    const field = briefKind.fields.find(({ name }) => name === 'coop');
    expect(field).toMatchObject({
      label: 'A co-op you’d like to work with (optional)',
      type: 'select',
      required: false,
      column: { name: 'coop', type: 'text', optional: true },
      shown: { label: 'Co-op named', as: 'coop' },
    });
    expect(field && 'options' in field).toBe(false);
    // A co-op's slug is not personal data: erasure keeps it.
    expect(field && 'personal' in field).toBe(false);
  });

  it('keeps text within its limits', () => {
    const result = check({ ...validBrief, description: 'x'.repeat(5001), organisation: '' });
    expect(result).toEqual({
      ok: false,
      errors: {
        organisation: ['Enter the name of your organisation'],
        description: ['Please keep this under 5000 characters'],
      },
    });
  });
});
