import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, settingNames, settings, SettingsError } from './settings';

/**
 * The tables of settings in the project's Markdown (the README, and any page under docs/), each found by the line
 * `<!-- settings table -->` above it (blank lines between them allowed), so a table keeps being compared wherever
 * it moves, as long as its marker moves with it.
 */
const settingsTableMarker = '<!-- settings table -->';

function markdownFiles(): string[] {
  const underDocs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? underDocs(join(dir, entry.name))
        : entry.name.endsWith('.md')
          ? [join(dir, entry.name)]
          : [],
    );
  return ['README.md', ...(existsSync('docs') ? underDocs('docs') : [])];
}

/** The rows of the table after each marker in `text`; throws when a marker has no table under it. */
function settingsTables(text: string, file: string): string[][] {
  const lines = text.split('\n');
  const tables: string[][] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== settingsTableMarker) return;
    const rows: string[] = [];
    for (const next of lines.slice(index + 1)) {
      if (rows.length === 0 && next.trim() === '') continue;
      if (!next.trim().startsWith('|')) break;
      rows.push(next.trim());
    }
    if (rows.length === 0) throw new Error(`${file}:${index + 1}: ${settingsTableMarker} has no table under it`);
    tables.push(rows);
  });
  return tables;
}

/** Every variable the settings tables name in their first column. */
function documentedVariables(): Set<string> {
  const names = new Set<string>();
  const tables = markdownFiles().flatMap((file) => settingsTables(readFileSync(file, 'utf8'), file));
  for (const row of tables.flat()) {
    for (const [, name] of (row.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)) if (name) names.add(name);
  }
  return names;
}

describe('settings', () => {
  it('are the variables the README documents, no more and no fewer', () => {
    expect([...documentedVariables()].sort()).toEqual([...settingNames].sort());
  });

  it('are documented in the tables under the marker, and a marker without a table is an error', () => {
    const text = [
      'Some prose.',
      '',
      settingsTableMarker,
      '',
      '| variable | meaning |',
      '| --- | --- |',
      '| `PORT` | x |',
      '',
      '| `NOT_THIS` | y |',
    ].join('\n');
    expect(settingsTables(text, 'docs/x.md')).toEqual([['| variable | meaning |', '| --- | --- |', '| `PORT` | x |']]);
    expect(() => settingsTables(`${settingsTableMarker}\n\nNo table.\n`, 'docs/x.md')).toThrow(
      'docs/x.md:1: <!-- settings table --> has no table under it',
    );
  });

  it('have their defaults when nothing is set', () => {
    const defaults = parseSettings({});
    expect(defaults).toMatchObject({
      JOIN_RATE_LIMIT: 5,
      BRIEF_RATE_LIMIT: 5,
      RECEIPT_HOURLY_LIMIT: 30,
      RETENTION_MONTHS: 12,
      SIGN_IN_CLIENT_LIMIT: 20,
      SIGN_IN_CLIENT_ADDRESS_LIMIT: 5,
      SIGN_IN_ADDRESS_HOURLY_LIMIT: 10,
      ADMIN_EMAILS: [],
      DATA_DIR: { inMemory: false, path: '.data' },
      TRUST_PROXY: false,
      NEXT_MANUAL_SIG_HANDLE: false,
      PORT: 3000,
      HOSTNAME: 'localhost',
      SITE_URL: 'http://localhost:3000',
      HEADERS_TIMEOUT_MS: 10_000,
      REQUEST_TIMEOUT_MS: 30_000,
      MAX_CONNECTIONS: 1024,
      CMS_GITLAB_BRANCH: 'main',
      CMS_LOCAL_BACKEND_PORT: 8081,
      BACKUP_INTERVAL_HOURS: 24,
      BACKUP_KEEP: 7,
      LINK_CHECK_ALLOWED_NETWORKS: [],
    });
    expect(defaults.DATABASE_URL).toBeUndefined();
    expect(defaults.CMS_GITLAB_URL).toBeUndefined();
    // An empty variable counts as unset.
    expect(parseSettings({ PORT: '', MAX_CONNECTIONS: ' ', DATA_DIR: '' })).toEqual(defaults);
  });

  it('put the port in the default SITE_URL, where the site answers when nothing else is said', () => {
    expect(parseSettings({ PORT: '8080' }).SITE_URL).toBe('http://localhost:8080');
    expect(parseSettings({ PORT: '8080', SITE_URL: 'https://www.coops.tech' }).SITE_URL).toBe('https://www.coops.tech');
  });

  it('parse DATA_DIR once: a directory, or memory:// for embedded PGlite that keeps nothing', () => {
    expect(parseSettings({ DATA_DIR: '/srv/cotech/.data' }).DATA_DIR).toEqual({
      inMemory: false,
      path: '/srv/cotech/.data',
    });
    expect(parseSettings({ DATA_DIR: 'memory://' }).DATA_DIR).toEqual({ inMemory: true });
  });

  it('read what is set, with its type', () => {
    const read = parseSettings({ JOIN_RATE_LIMIT: '12', TRUST_PROXY: '1', ADMIN_EMAILS: 'A@x.coop, b@x.coop,' });
    expect(read).toMatchObject({ JOIN_RATE_LIMIT: 12, TRUST_PROXY: true, ADMIN_EMAILS: ['a@x.coop', 'b@x.coop'] });
    expect(
      parseSettings({
        PORT: '8080',
        HOSTNAME: '0.0.0.0',
        HEADERS_TIMEOUT_MS: '1000',
        REQUEST_TIMEOUT_MS: '2000',
        MAX_CONNECTIONS: '50',
        NEXT_MANUAL_SIG_HANDLE: 'true',
        CMS_GITLAB_URL: 'https://git.coop/',
        CMS_GITLAB_REPO: 'cotech/website',
        CMS_GITLAB_APP_ID: 'abc123',
        CMS_GITLAB_BRANCH: 'content',
        CMS_LOCAL_BACKEND_PORT: '3999',
      }),
    ).toMatchObject({
      PORT: 8080,
      HOSTNAME: '0.0.0.0',
      HEADERS_TIMEOUT_MS: 1000,
      REQUEST_TIMEOUT_MS: 2000,
      MAX_CONNECTIONS: 50,
      NEXT_MANUAL_SIG_HANDLE: true,
      CMS_GITLAB_URL: 'https://git.coop',
      CMS_GITLAB_REPO: 'cotech/website',
      CMS_GITLAB_APP_ID: 'abc123',
      CMS_GITLAB_BRANCH: 'content',
      CMS_LOCAL_BACKEND_PORT: 3999,
    });
    expect(parseSettings({ BACKUP_INTERVAL_HOURS: '0.5' }).BACKUP_INTERVAL_HOURS).toBe(0.5);
    expect(parseSettings({ LINK_CHECK_ALLOWED_NETWORKS: ' 10.1.0.0/16, fd12:3456::/48,' })).toMatchObject({
      LINK_CHECK_ALLOWED_NETWORKS: ['10.1.0.0/16', 'fd12:3456::/48'],
    });
  });

  it.each([
    ['JOIN_RATE_LIMIT', 'abc', /^JOIN_RATE_LIMIT is "abc", but it takes a whole number from 1 to/],
    ['JOIN_RATE_LIMIT', '0', /^JOIN_RATE_LIMIT is "0", but it takes a whole number/],
    ['BRIEF_RATE_LIMIT', '2.5', /^BRIEF_RATE_LIMIT is "2.5"/],
    ['DATABASE_URL', 'mysql://db/site', /^DATABASE_URL is "mysql:\/\/db\/site", but it takes a postgres:\/\//],
    ['SMTP_URL', 'mail.example', /^SMTP_URL is "mail.example"/],
    ['SITE_URL', 'www.coops.tech', /^SITE_URL is "www.coops.tech", but it takes an http\(s\) origin/],
    ['TRUST_PROXY', 'yes', /^TRUST_PROXY is "yes"/],
    ['ADMIN_EMAILS', 'ada@example.coop, nobody', /^ADMIN_EMAILS is "ada@example.coop, nobody"/],
    ['PORT', '70000', /^PORT is "70000", but it takes a whole number from 1 to 65535 \(default 3000\)\.$/],
    ['PORT', '0', /^PORT is "0", but it takes a whole number from 1 to 65535/],
    ['PORT', 'abc', /^PORT is "abc"/],
    ['MAX_CONNECTIONS', '0', /^MAX_CONNECTIONS is "0", but it takes a whole number from 1 to 1000000/],
    ['REQUEST_TIMEOUT_MS', '2.5', /^REQUEST_TIMEOUT_MS is "2.5", but it takes a whole number of milliseconds/],
    [
      'HEADERS_TIMEOUT_MS',
      '999',
      /^HEADERS_TIMEOUT_MS is "999", but it takes a whole number of milliseconds from 1000/,
    ],
    ['SITE_URL', 'ftp://coops.tech', /^SITE_URL is "ftp:\/\/coops.tech", but it takes an http\(s\) origin/],
    ['CONTENT_GIT_URL', 'ssh://deploy:s3cret@git.example/site.git', /^CONTENT_GIT_URL is "ssh:\/\/\*\*\*@git\.example/],
    ['CMS_GITLAB_URL', 'http://git.coop', /^CMS_GITLAB_URL is "http:\/\/git.coop", but it takes the https address/],
    ['CMS_GITLAB_REPO', 'website', /^CMS_GITLAB_REPO is "website", but it takes the project's path on GitLab/],
    ['CMS_GITLAB_APP_ID', 'a b', /^CMS_GITLAB_APP_ID is "a b"/],
    ['CMS_GITLAB_BRANCH', 'main --force', /^CMS_GITLAB_BRANCH is "main --force", but it takes the name of the branch/],
    ['CMS_GITLAB_BRANCH', '-f', /^CMS_GITLAB_BRANCH is "-f"/],
    ['CMS_LOCAL_BACKEND_PORT', '80a', /^CMS_LOCAL_BACKEND_PORT is "80a", but it takes a whole number from 1 to 65535/],
    ['BACKUP_INTERVAL_HOURS', '0', /^BACKUP_INTERVAL_HOURS is "0", but it takes a number of hours from 0.001 to 168/],
    ['BACKUP_INTERVAL_HOURS', '1e3', /^BACKUP_INTERVAL_HOURS is "1e3"/],
    ['BACKUP_KEEP', '0', /^BACKUP_KEEP is "0", but it takes a whole number from 1 to 1000/],
    [
      'LINK_CHECK_ALLOWED_NETWORKS',
      '10.0.0.0/8,192.168.1.1',
      /^LINK_CHECK_ALLOWED_NETWORKS is "10.0.0.0\/8,192.168.1.1", but it takes CIDR ranges separated by commas/,
    ],
    ['LINK_CHECK_ALLOWED_NETWORKS', '10.0.0.0/33', /^LINK_CHECK_ALLOWED_NETWORKS is "10.0.0.0\/33"/],
  ])('refuse %s=%s in one line naming it, what it got and what it takes', (name, value, message) => {
    const attempt = () => parseSettings({ [name]: value });
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('\n');
    }
  });

  it.each([
    [
      { HEADERS_TIMEOUT_MS: '40000' },
      'HEADERS_TIMEOUT_MS is 40000, but it takes no more than REQUEST_TIMEOUT_MS (30000).',
    ],
    [
      { CMS_GITLAB_URL: 'https://git.coop' },
      "CMS_GITLAB_REPO is undefined, but the content manager needs it with CMS_GITLAB_URL: it takes the project's " +
        'path on GitLab, such as cotech/website.',
    ],
    [
      { CMS_GITLAB_URL: 'https://git.coop', CMS_GITLAB_REPO: 'cotech/website', CMS_GITLAB_APP_ID: ' ' },
      'CMS_GITLAB_APP_ID is " ", but the content manager needs it with CMS_GITLAB_URL and CMS_GITLAB_REPO',
    ],
  ])('refuse %o, whose variables only go together, in one line', (env, line) => {
    expect(() => parseSettings(env)).toThrow(SettingsError);
    expect(() => parseSettings(env)).toThrow(line);
  });

  it('are parsed again only when the environment changes', () => {
    const env: Record<string, string | undefined> = { JOIN_RATE_LIMIT: '7' };
    const first = settings(env);
    expect(settings(env)).toBe(first);
    env.JOIN_RATE_LIMIT = '8';
    expect(settings(env).JOIN_RATE_LIMIT).toBe(8);
  });
});
