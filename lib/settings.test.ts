import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSettings, settingNames, settings, SettingsError } from './settings';

/** Every variable the README's tables name in their first column. */
function documentedVariables(): Set<string> {
  const names = new Set<string>();
  for (const line of readFileSync('README.md', 'utf8').split('\n')) {
    const row = line.trim();
    if (!row.startsWith('|')) continue;
    for (const [, name] of (row.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)) if (name) names.add(name);
  }
  return names;
}

describe('settings', () => {
  it('are the variables the README documents, no more and no fewer', () => {
    expect([...documentedVariables()].sort()).toEqual([...settingNames].sort());
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
      DATA_DIR: '.data',
      ADMIN_EMAILS: [],
      TRUST_PROXY: false,
      PORT: 3000,
      SITE_URL: 'http://localhost:3000',
      BACKUP_INTERVAL_HOURS: 24,
      BACKUP_KEEP: 7,
      LINK_CHECK_ALLOWED_NETWORKS: [],
    });
    expect(defaults.DATABASE_URL).toBeUndefined();
  });

  it('read what is set, with its type', () => {
    const read = parseSettings({ JOIN_RATE_LIMIT: '12', TRUST_PROXY: '1', ADMIN_EMAILS: 'A@x.coop, b@x.coop,' });
    expect(read).toMatchObject({ JOIN_RATE_LIMIT: 12, TRUST_PROXY: true, ADMIN_EMAILS: ['a@x.coop', 'b@x.coop'] });
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
    ['PORT', '70000', /^PORT is "70000"/],
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

  it('are parsed again only when the environment changes', () => {
    const env: Record<string, string | undefined> = { JOIN_RATE_LIMIT: '7' };
    const first = settings(env);
    expect(settings(env)).toBe(first);
    env.JOIN_RATE_LIMIT = '8';
    expect(settings(env).JOIN_RATE_LIMIT).toBe(8);
  });
});
