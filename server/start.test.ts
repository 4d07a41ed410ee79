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

  const gitlab = { CMS_GITLAB_REPO: 'cotech/website', CMS_GITLAB_APP_ID: 'abc123' };
  it.each([
    [
      { ...gitlab, CMS_GITLAB_URL: 'http://git.example.coop' },
      'CMS_GITLAB_URL is "http://git.example.coop", but it takes the https address of the GitLab server, such as ' +
        'https://git.coop.',
    ],
    [
      { CMS_GITLAB_URL: 'https://git.example.coop' },
      "CMS_GITLAB_REPO is undefined, but the content manager needs it with CMS_GITLAB_URL: it takes the project's " +
        'path on GitLab, such as cotech/website.',
    ],
    [{ PORT: '0' }, 'PORT is "0", but it takes a whole number from 1 to 65535 (default 3000).'],
  ])('refuses %o in one line naming it, before building anything', (env, line) => {
    const run = spawnSync(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', start], {
      cwd,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
