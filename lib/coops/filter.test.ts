import { describe, expect, it } from 'vitest';
import { filterSearch, matchesFilter, parseFilter, type FilterEntry } from './filter';

const agile: FilterEntry = {
  slug: 'agile',
  services: ['hosting', 'web-design'],
  technologies: ['drupal'],
  town: 'oxford',
  text: 'agile collective oxford hosting web design drupal',
};

describe('the filter in the query string', () => {
  it('reads the known keys, dropping blanks and unknown keys', () => {
    expect(parseFilter('?service=hosting&town=%20oxford&technology=&utm_source=x')).toEqual({
      service: 'hosting',
      town: 'oxford',
    });
  });

  it('writes keys in a fixed order and nothing at all for no filter', () => {
    expect(filterSearch({ town: 'oxford', q: 'web design', service: 'hosting' })).toBe(
      '?service=hosting&town=oxford&q=web+design',
    );
    expect(filterSearch({ service: undefined, q: ' ' })).toBe('');
  });

  it('keeps the spaces a visitor is typing into the search', () => {
    expect(parseFilter(filterSearch({ q: 'web ' }))).toEqual({ q: 'web ' });
  });
});

describe('matchesFilter', () => {
  it('matches when every set filter matches', () => {
    expect(matchesFilter(agile, {})).toBe(true);
    expect(matchesFilter(agile, { service: 'hosting', technology: 'drupal', town: 'oxford' })).toBe(true);
    expect(matchesFilter(agile, { service: 'hosting', town: 'london' })).toBe(false);
    expect(matchesFilter(agile, { technology: 'php' })).toBe(false);
  });

  it('searches every word anywhere in the text, ignoring case', () => {
    expect(matchesFilter(agile, { q: 'DRUPAL Oxford' })).toBe(true);
    expect(matchesFilter(agile, { q: 'drupal london' })).toBe(false);
  });

  it('never matches a town filter for a co-op without a town', () => {
    expect(matchesFilter({ ...agile, town: undefined }, { town: 'oxford' })).toBe(false);
  });
});
