import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { compile } from 'tailwindcss';
import { describe, expect, it } from 'vitest';
import { attribute, elementsIn, elementsOf, textOf, type Element } from '@/test/html';
import { DataTable, type Column } from './data-table';

type Person = { id: string; name: string; email: string; joined: string };
const people: Person[] = [
  { id: 'a', name: 'Ada', email: 'ada@example.coop', joined: '2024' },
  { id: 'b', name: 'Bo', email: '', joined: '2025' },
];
const columns: Column<Person>[] = [
  { header: 'Name', cell: (person) => person.name, rowHeader: true },
  { header: 'Email', cell: (person) => person.email || null },
  { header: 'Joined', cell: (person) => person.joined, sorted: 'descending', className: 'whitespace-nowrap' },
];

const html = renderToStaticMarkup(
  createElement(DataTable<Person>, { caption: 'People', columns, rows: people, rowKey: (person) => person.id }),
);

const all = elementsOf(html);
const only = (tagName: string) => {
  const [element, ...more] = all.filter((candidate) => candidate.tagName === tagName);
  if (!element || more.length > 0) throw new Error(`the table has no single ${tagName}`);
  return element;
};
const at = <T>(list: readonly T[], index: number): T => {
  const item = list[index];
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
};
const rowsOf = (section: Element) => elementsIn(section).filter((element) => element.tagName === 'tr');
const cellsOf = (row: Element) => row.childNodes.filter((child): child is Element => 'tagName' in child);
const bodyRows = rowsOf(only('tbody'));

/** The CSS Tailwind makes of the classes on `elements`, with the project's theme (its breakpoints). */
async function cssFor(elements: readonly Element[]): Promise<string> {
  const require = createRequire(import.meta.url);
  const compiler = await compile(`@import 'tailwindcss/theme.css';\n@tailwind utilities;`, {
    base: process.cwd(),
    loadStylesheet: async (id: string, base: string) => {
      const path = require.resolve(id, { paths: [base] });
      return { path, base, content: readFileSync(path, 'utf8') };
    },
  });
  return compiler.build(elements.flatMap((element) => (attribute(element, 'class') ?? '').split(/\s+/)));
}
/** The rules inside `@media (width < 48rem)`, the stacked layout's (Tailwind's `max-md`). */
const belowMd = (css: string) => /@media \(width < 48rem\) \{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';

describe('DataTable', () => {
  it('is a table named by its caption, with one column header per column', () => {
    expect(textOf(only('caption'))).toBe('People');
    const headers = cellsOf(at(rowsOf(only('thead')), 0));
    expect(headers.map((header) => [header.tagName, attribute(header, 'scope'), textOf(header)])).toEqual([
      ['th', 'col', 'Name'],
      ['th', 'col', 'Email'],
      ['th', 'col', 'Joined'],
    ]);
  });

  it('marks the column the rows are sorted by with aria-sort, and no other', () => {
    const headers = cellsOf(at(rowsOf(only('thead')), 0));
    expect(headers.map((header) => attribute(header, 'aria-sort'))).toEqual([undefined, undefined, 'descending']);
  });

  it('gives each row its cells in column order, the row header column as <th scope="row">', () => {
    expect(bodyRows.map((row) => cellsOf(row).map(textOf))).toEqual([
      ['Ada', 'ada@example.coop', '2024'],
      ['Bo', '', '2025'],
    ]);
    for (const row of bodyRows) {
      expect(cellsOf(row).map((cell) => [cell.tagName, attribute(cell, 'scope')])).toEqual([
        ['th', 'row'],
        ['td', undefined],
        ['td', undefined],
      ]);
    }
    expect(attribute(at(cellsOf(at(bodyRows, 0)), 2), 'class')).toContain('whitespace-nowrap');
  });

  it("labels every cell with its column's header, which the stacked layout shows before the cell", async () => {
    for (const row of bodyRows) {
      expect(cellsOf(row).map((cell) => attribute(cell, 'data-label'))).toEqual(['Name', 'Email', 'Joined']);
    }
    const cells = bodyRows.flatMap(cellsOf);
    const stacked = belowMd(await cssFor(cells));
    // Each cell a block of its own, its label before it; an empty cell (Bo's email) takes no line.
    expect(stacked).toMatch(/::before \{[^}]*--tw-content: attr\(data-label\) ": ";[^}]*content: var\(--tw-content\);/);
    expect(stacked).toMatch(/\{\s*display: block;\s*\}/);
    expect(stacked).toMatch(/:empty \{\s*display: none;\s*\}/);
  });

  it('hides the header row only visually below the md breakpoint, where rows stack', async () => {
    const stacked = belowMd(await cssFor([only('thead')]));
    expect(stacked).toContain('position: absolute;');
    expect(stacked).toContain('clip-path: inset(50%);');
    expect(stacked).not.toContain('display: none');
    expect(belowMd(await cssFor([only('table'), only('tbody'), ...bodyRows]))).toMatch(/\{\s*display: block;\s*\}/);
  });
});
