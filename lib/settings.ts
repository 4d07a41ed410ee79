// The site's settings: every environment variable it reads, through one schema, parsed once per environment.
// Start-up (lib/runtime/startup.ts) checks them before anything else, so a bad value stops the start with one
// line naming the variable, what it got and what it takes, rather than being replaced by a default. The README's
// tables list the same variables (lib/settings.test.ts compares them). Left out on purpose: NODE_ENV, NEXT_RUNTIME
// and NEXT_PHASE, which Next.js sets and inlines for itself, and the tooling's own knobs under scripts/.
import ipaddr from 'ipaddr.js';
import * as z from 'zod/mini';

type Setting = { schema: z.ZodMiniType; takes: string };
type Input = z.core.$ZodType<unknown, string>;

const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const wholeNumber = (fallback: number, min: number, max: number) => ({
  schema: z.pipe(
    z.transform((value: unknown) => unset(value) ?? String(fallback)),
    z.pipe(
      z.string().check(z.regex(/^\s*\d+\s*$/)),
      z.pipe(z.transform(Number), z.number().check(z.gte(min), z.lte(max))),
    ),
  ),
  takes: `a whole number from ${min} to ${max} (default ${fallback})`,
});

const decimal = (fallback: number, min: number, max: number, unit: string) => ({
  schema: z.pipe(
    z.transform((value: unknown) => unset(value) ?? String(fallback)),
    z.pipe(
      z.string().check(z.regex(/^\s*(\d+(\.\d*)?|\.\d+)\s*$/)),
      z.pipe(z.transform(Number), z.number().check(z.gte(min), z.lte(max))),
    ),
  ),
  takes: `a number of ${unit} from ${min} to ${max} (default ${fallback})`,
});

const optional = <S extends Input>(schema: S, takes: string) => ({
  schema: z.pipe(
    z.transform((value: unknown) => unset(value) as string | undefined),
    z.optional(schema),
  ),
  takes,
});

const withDefault = <S extends Input>(fallback: string, schema: S, takes: string) => ({
  schema: z.pipe(
    z.transform((value: unknown) => (unset(value) as string | undefined) ?? fallback),
    schema,
  ),
  takes,
});

const url = (protocols: RegExp) => z.url({ protocol: protocols });
const email = z.email();
const flag = (takes: string) => ({
  schema: z.pipe(
    z.transform((value: unknown) => unset(value) as string | undefined),
    z.optional(z.enum(['1', 'true', '0', 'false'])),
  ),
  takes,
});

const schema = {
  SITE_URL: withDefault('http://localhost:3000', url(/^https?$/), 'an http(s) origin such as https://www.coops.tech'),
  DATABASE_URL: optional(url(/^postgres(ql)?$/), 'a postgres:// address of a PostgreSQL server, or nothing'),
  DATA_DIR: withDefault('.data', z.string().check(z.minLength(1)), 'a directory for embedded PGlite (default .data)'),
  SMTP_URL: optional(url(/^smtps?$/), 'an smtp:// or smtps:// address, or nothing (mail is then logged)'),
  MAIL_FROM: optional(z.string().check(z.minLength(3)), 'a sender such as CoTech <contact@coops.tech>'),
  JOIN_NOTIFY_TO: optional(email, 'an email address'),
  ADMIN_EMAILS: withDefault(
    '',
    z.pipe(
      z.transform((value: string) => [
        ...new Set(
          value
            .split(',')
            .map((address) => address.trim().toLowerCase())
            .filter(Boolean),
        ),
      ]),
      z.array(email),
    ),
    'email addresses separated by commas',
  ),
  BETTER_AUTH_SECRET: optional(z.string().check(z.minLength(32)), 'a secret of 32 characters or more, or nothing'),
  SIGN_IN_CLIENT_LIMIT: wholeNumber(20, 1, 1_000_000),
  SIGN_IN_CLIENT_ADDRESS_LIMIT: wholeNumber(5, 1, 1_000_000),
  SIGN_IN_ADDRESS_HOURLY_LIMIT: wholeNumber(10, 1, 1_000_000),
  RETENTION_MONTHS: wholeNumber(12, 1, 1200),
  JOIN_RATE_LIMIT: wholeNumber(5, 1, 1_000_000_000),
  BRIEF_RATE_LIMIT: wholeNumber(5, 1, 1_000_000_000),
  RECEIPT_HOURLY_LIMIT: wholeNumber(30, 0, 1_000_000),
  TRUST_PROXY: flag('1 behind a reverse proxy that appends to X-Forwarded-For, or nothing'),
  BACKUP_DIR: optional(z.string().check(z.minLength(1)), 'a directory for scheduled backups, or nothing'),
  // Fractions allowed (0.5 is every half hour); a week at most, within what one timer can wait.
  BACKUP_INTERVAL_HOURS: decimal(24, 0.001, 168, 'hours'),
  BACKUP_KEEP: wholeNumber(7, 1, 1000),
  OUTBOX_POLL_MS: wholeNumber(5_000, 10, 3_600_000),
  OUTBOX_RETRY_SECONDS: wholeNumber(15, 1, 3_600),
  CONTENT_GIT_URL: optional(
    url(/^(https?|file)$/),
    'an http(s) address of the content repository, with a deploy token in it ' +
      '(https://user:token@gitlab.example/group/project.git), a file:// address, or nothing',
  ),
  PROPOSALS_RETRY_SECONDS: wholeNumber(60, 1, 3_600),
  PROPOSALS_DAILY_LIMIT: wholeNumber(20, 1, 100_000),
  // Days between two checks of one link; 0 checks none (the tests' servers: their traffic stays on loopback).
  LINK_CHECK_DAYS: wholeNumber(7, 0, 365),
  // The link checker refuses every address that is not public unicast (lib/links/address.ts) except in these.
  LINK_CHECK_ALLOWED_NETWORKS: withDefault(
    '',
    z.pipe(
      z.transform((value: string) =>
        value
          .split(',')
          .map((range) => range.trim())
          .filter(Boolean),
      ),
      z.array(z.string().check(z.refine((range) => ipaddr.isValidCIDR(range)))),
    ),
    'CIDR ranges separated by commas, such as 10.1.0.0/16,fd12:3456::/48, or nothing',
  ),
  NEXT_MANUAL_SIG_HANDLE: flag('1 to leave SIGTERM and SIGINT to the site under next start, or nothing'),
  PORT: wholeNumber(3000, 0, 65_535),
  HOSTNAME: withDefault('localhost', z.string().check(z.minLength(1)), 'a host name or address to listen on'),
  HEADERS_TIMEOUT_MS: wholeNumber(10_000, 100, 600_000),
  REQUEST_TIMEOUT_MS: wholeNumber(30_000, 100, 3_600_000),
  MAX_CONNECTIONS: wholeNumber(1024, 1, 1_000_000),
  NEXT_OUTPUT: optional(z.literal('standalone'), 'standalone, or nothing'),
  CMS_GITLAB_URL: optional(z.string(), 'the GitLab server, https'),
  CMS_GITLAB_REPO: optional(z.string(), "the project's path on GitLab"),
  CMS_GITLAB_APP_ID: optional(z.string(), "the GitLab application's ID"),
  CMS_GITLAB_BRANCH: optional(z.string(), 'the branch the site is built from (default main)'),
  CMS_LOCAL_BACKEND_PORT: optional(z.string(), "the port of the CMS's local backend under npm run dev (default 8081)"),
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof schema;
export const settingNames = Object.keys(schema) as SettingName[];

type Flags = 'TRUST_PROXY' | 'NEXT_MANUAL_SIG_HANDLE';
export type Settings = {
  readonly [N in Exclude<SettingName, Flags>]: z.output<(typeof schema)[N]['schema']>;
} & { readonly [N in Flags]: boolean };

/**
 * Text with the user and password of any address in it hidden (`https://***@host/…`): an address may carry a
 * token or a password (CONTENT_GIT_URL, DATABASE_URL), and neither belongs in a log.
 */
export function withoutCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]+@/gi, '$1***@');
}

/** A setting the site cannot run with. Its message is the one line the start prints before it exits. */
export class SettingsError extends Error {}

/** Reads every setting from `env`; throws a SettingsError naming the first bad one. */
export function parseSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const values: Record<string, unknown> = {};
  for (const name of settingNames) {
    const { schema: setting, takes } = schema[name];
    const result = setting.safeParse(env[name]);
    if (!result.success) {
      const got = env[name] === undefined ? 'undefined' : JSON.stringify(withoutCredentials(env[name]));
      throw new SettingsError(`${name} is ${got}, but it takes ${takes}.`);
    }
    values[name] = result.data;
  }
  for (const name of ['TRUST_PROXY', 'NEXT_MANUAL_SIG_HANDLE'] as const) {
    values[name] = values[name] === '1' || values[name] === 'true';
  }
  return values as Settings;
}

let cached: { key: string; settings: Settings } | undefined;

/**
 * The settings of this process's environment. Parsed once: again only when a variable changes (tests set them).
 */
export function settings(env: Readonly<Record<string, string | undefined>> = process.env): Settings {
  const key = settingNames.map((name) => env[name] ?? '\u0000').join('\u0001');
  if (cached?.key !== key) cached = { key, settings: parseSettings(env) };
  return cached.settings;
}

/**
 * The settings, or the one line that says which is wrong and an exit: the site does not run on a guess. Called
 * where the process starts: start-up (instrumentation) and next.config.ts, which Next.js loads first.
 */
export function settingsOrExit(): Settings {
  try {
    return settings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
