import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntry, sourceKey, writeEntry } from './front-matter';

const content = resolve(__dirname, '../../content');
const seeds = readdirSync(content, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(join(content, folder.name))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `${folder.name}/${name}`),
  );

const read = (path: string) => readFileSync(join(content, path), 'utf8');

// Copies of committed files as they were, kept as fixtures: the tests that expect a given line must not break when
// an editor changes the file. The tests over every seed above read the committed content itself.
const fixtures = resolve(__dirname, '../../test/fixtures/cms/content');
const fixture = (path: string) => readFileSync(join(fixtures, path), 'utf8');

/** The lines of `after` that differ from `before`'s, as [before, after] pairs, for files of the same length. */
function changedLines(before: string, after: string): [string | undefined, string | undefined][] {
  const a = before.split('\n');
  const b = after.split('\n');
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i): [string | undefined, string | undefined] => [
    a[i],
    b[i],
  ]).filter(([x, y]) => x !== y);
}

describe('the CMS front matter format', () => {
  it('has every seed to test', () => {
    expect(seeds).toContain('pages/about.md');
    expect(seeds).toContain('pages/join.md');
    expect(seeds.length).toBeGreaterThan(150);
  });

  it.each(seeds)('saves %s unchanged byte for byte', (path) => {
    const text = read(path);
    expect(writeEntry(readEntry(text))).toBe(text);
  });

  it.each(seeds)('saves %s byte for byte when its values are set again as the CMS holds them', (path) => {
    const text = read(path);
    // The CMS hands back a copy of every value, not the objects it was given.
    const entry = structuredClone(readEntry(text));
    expect(writeEntry(entry)).toBe(text);
  });

  it.each(seeds)('changes one line of %s when its name or title is edited, and no other', (path) => {
    const text = read(path);
    const entry = readEntry(text);
    const key = ['title', 'name', 'project'].find((name) => typeof entry[name] === 'string');
    if (!key) throw new Error(`${path} has no title, name or project`);
    const saved = writeEntry({ ...structuredClone(entry), [key]: `${String(entry[key])} (edited)` });
    expect(changedLines(text, saved)).toEqual([
      [expect.stringMatching(`^${key}: `), expect.stringMatching(/ \(edited\)'?"?$/)],
    ]);
  });

  it('changes only the line of the heading when the heading is edited', () => {
    const text = fixture('pages/about.md');
    const saved = writeEntry({ ...readEntry(text), heading: 'About the network' });
    expect(changedLines(text, saved)).toEqual([['heading: About CoTech', 'heading: About the network']]);
  });

  it('keeps the Jekyll fields the CMS does not show, and values it does not hold', () => {
    const text = fixture('pages/join.md');
    const entry = Object.fromEntries(
      Object.entries(readEntry(text)).filter(([key]) => key !== 'comments' && key !== 'tags'),
    );
    const saved = writeEntry({ ...entry, title: 'Join the network' });
    expect(changedLines(text, saved)).toEqual([['title: Join CoTech', 'title: Join the network']]);
  });

  it('changes one line when a co-op adds a service, and keeps the list as it was written', () => {
    const text = fixture('coops/agile-collective.md');
    const entry = readEntry(text);
    const services = [...(entry.services as string[]), 'web-apps'];
    const saved = writeEntry({ ...entry, services });
    expect(saved.split('\n').length).toBe(text.split('\n').length + 1);
    expect(saved).toContain('  - web-design\n  - web-apps\ntechnologies:\n');
    expect(saved.replace('  - web-apps\n', '')).toBe(text);
  });

  it('leaves fields the editor left empty out of the file, and removes a field the editor cleared', () => {
    const text = '---\ntitle: Events\nheading: Meet us\n---\nText\n';
    const entry = readEntry(text);
    expect(writeEntry({ ...entry, description: '', tags: [], date: null })).toBe(text);
    expect(writeEntry({ ...entry, heading: '' })).toBe('---\ntitle: Events\n---\nText\n');
  });

  it('leaves out an object whose fields are all empty, such as an image never given', () => {
    const text = fixture('work/nook.md');
    const image = { src: '', alt: '', width: null, height: null };
    expect(writeEntry({ ...readEntry(text), image })).toBe(text);
    expect(writeEntry({ client: 'A client', image, body: '' })).toBe('---\nclient: A client\n---\n');
  });

  it('keeps comments and quoting beside the value it changes', () => {
    const text = "---\n# Shown in the nav\ntitle: 'Events: 2027'\nlayout: default # Jekyll's\n---\nText\n";
    const saved = writeEntry({ ...readEntry(text), title: 'Events: 2028' });
    expect(saved).toBe("---\n# Shown in the nav\ntitle: 'Events: 2028'\nlayout: default # Jekyll's\n---\nText\n");
  });

  it('changes the body alone when only the body is edited', () => {
    const text = fixture('pages/about.md');
    const entry = readEntry(text);
    const body = (entry.body as string).replace('world domination', 'world co-operation');
    const saved = writeEntry({ ...entry, body });
    expect(changedLines(text, saved)).toHaveLength(1);
    expect(saved).toContain('plans for world co-operation.');
  });

  it('writes a new entry in the order of its fields, without the empty ones', () => {
    const saved = writeEntry(
      {
        member: true,
        name: 'Code Co-op',
        website: '',
        services: ['development', 'hosting'],
        technologies: [],
        body: 'We write code.',
      },
      ['name', 'member', 'website', 'services', 'technologies', 'body'],
    );
    expect(saved).toBe(
      '---\nname: Code Co-op\nmember: true\nservices:\n  - development\n  - hosting\n---\nWe write code.\n',
    );
  });

  it('holds the file it read, so that a save can edit it', () => {
    const text = fixture('services/hosting.md');
    expect(readEntry(text)).toEqual({ name: 'Hosting', group: 'hosting', body: '', [sourceKey]: text });
  });

  it('refuses front matter that is not YAML, saying so', () => {
    expect(() => readEntry('---\ntitle: [unclosed\n---\n')).toThrow(/front matter is not valid YAML/);
  });
});
