import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const sourceFolders = ['app', 'components', 'lib', 'server', 'scripts'];
const sourceFiles = ['tailwind.config.ts', 'proxy.ts'];
const hexColour = /(?<![\w&])#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b/gi;

function files(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|mjs|css|svg)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the theme', () => {
  it('is the only place a colour is written down', () => {
    const found = [...sourceFolders.flatMap(files), ...sourceFiles.map((file) => join(root, file))]
      .filter((file) => !file.endsWith('lib/theme.ts') && !file.endsWith('.test.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(hexColour)].map(([hex]) => `${file}: ${hex}`));
    expect(found).toEqual([]);
  });
});
