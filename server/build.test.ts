import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newestSourceTime } from './build';

const root = mkdtempSync(join(tmpdir(), 'cotech-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a file under root, changed at `seconds` past the epoch. */
function file(path: string, seconds: number) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, seconds, seconds);
}

describe('whether the build is current (npm start)', () => {
  it('goes by the newest source, not by what the build itself writes under public/', () => {
    file('app/page.tsx', 1_000);
    file('public/logos/a.svg', 2_000);
    file('content/coops/a.md', 3_000);
    // After the build started: the pages' scripts and Decap CMS's bundle, which scripts/build-browser.mjs writes.
    file('public/scripts/join-form.js', 9_000);
    file('public/cms/decap-cms.js', 9_000);
    expect(newestSourceTime(root)).toBe(3_000_000);
    file('lib/site.ts', 4_000);
    expect(newestSourceTime(root)).toBe(4_000_000);
  });
});
