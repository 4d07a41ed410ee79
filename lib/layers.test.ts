import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layers of README "How the code is laid out": app/ → components/ → lib/, and inside lib/ no two folders (or
// top-level modules) that import each other, directly or round a longer cycle. Tests may reach across; the code
// they test may not.

/** A module of server/ as it is named on disk (the resolver must find it for the rule to see where it is). */
const serverModule = readdirSync('server').find((file) => /^[a-z-]+\.(ts|mjs)$/.test(file) && !file.endsWith('.d.mts'));

const sources = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'lib'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|tsx|mts|mjs)$/.test(file) && !/\.test\.ts$/.test(file));

/** The unit of lib/ a file belongs to: its folder (`lib/mail`), or itself for a top-level module (`lib/site`). */
const unitOf = (file: string) => {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file.replace(/\.(ts|tsx|mts|mjs)$/, '');
};

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (fileName.startsWith('@/')) return [normalize(fileName.slice(2))];
    if (fileName.startsWith('.')) return [normalize(join(dirname(file), fileName))];
    return [];
  });
}

/** Every unit's imports of other units: `from` → set of `to`. */
function unitGraph(files: readonly string[], read = importsOf): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = unitOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of read(file)) {
      if (!target.startsWith('lib/')) continue;
      const to = unitOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The cycles of the graph, each as the units that form it (Tarjan's strongly connected components). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const found: string[][] = [];
  const state = new Map<string, { index: number; low: number; onStack: boolean }>();
  const visit = (node: string) => {
    const own = { index, low: index, onStack: true };
    index += 1;
    state.set(node, own);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (!seen) {
        visit(next);
        own.low = Math.min(own.low, state.get(next)?.low ?? own.low);
      } else if (seen.onStack) own.low = Math.min(own.low, seen.index);
    }
    if (own.low === own.index) {
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        const memberState = state.get(member);
        if (memberState) memberState.onStack = false;
        component.push(member);
        if (member === node) break;
      }
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('the layers of lib/', () => {
  it('has no two folders that import each other, however far round', () => {
    expect(cycles(unitGraph(sources))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const fake: Record<string, string[]> = {
      'lib/a/one.ts': ['lib/b/two'],
      'lib/b/two.ts': ['lib/c/three'],
      'lib/c/three.ts': ['lib/a/other'],
      'lib/site.ts': [],
    };
    expect(cycles(unitGraph(Object.keys(fake), (file) => fake[file] ?? []))).toEqual([['lib/a', 'lib/b', 'lib/c']]);
  });

  it('is linted: a module of lib/ that imports components/, app/ or server/ fails `npm run lint`', async () => {
    const eslint = new ESLint();
    const lint = async (filePath: string, code: string) =>
      (await eslint.lintText(code, { filePath })).flatMap((result) => result.messages).map((message) => message.ruleId);
    const backwards = [
      "import { EnquiryForm } from '@/components/enquiry-form';\nexport const form = EnquiryForm;\n",
      "import { POST } from '@/app/api/[endpoint]/route';\nexport const post = POST;\n",
      `import * as server from '@/server/${serverModule}';\nexport const module = server;\n`,
    ];
    for (const code of backwards) {
      expect(await lint('lib/enquiries/backwards.ts', code), code).toContain('import/no-restricted-paths');
    }
    expect(await lint('components/backwards.tsx', backwards[1] ?? '')).toContain('import/no-restricted-paths');
    // Looking down is what the layers are for.
    expect(await lint('app/forwards.ts', backwards[0] ?? '')).not.toContain('import/no-restricted-paths');
  });
});
