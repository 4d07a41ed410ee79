import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeVersionRefusal } from '../lib/runtime/node-version.ts';
import { oldNode } from '../test/old-node.ts';

const start = fileURLToPath(new URL('./start.mjs', import.meta.url));
// Run elsewhere than the project: were the refusal to fail, the start would find no build to serve, nor to make.
const cwd = mkdtempSync(join(tmpdir(), 'cotech-start-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('npm start (server/start.mjs)', () => {
  const old = oldNode();

  it(`refuses ${old.description} in one line, before doing anything`, () => {
    const run = spawnSync(old.executable, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', start], {
      cwd,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', ...old.env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${nodeVersionRefusal(old.version)}\n`);
    expect(run.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
