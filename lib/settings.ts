// The site's settings: every environment variable it reads, through one schema, parsed once per environment: its
// type, default and range are here and nowhere else. Start-up checks them before anything else (`npm start` in
// server/start.ts before it builds, server/server.ts, instrumentation.ts through lib/runtime/startup.ts, and
// next.config.ts, which Next.js loads first), so a bad value stops the start with one line naming the variable,
// what it got and what it takes, rather than being replaced by a default. The scripts that need a setting read it
// here too. The settings tables of docs/ list the same variables (lib/settings.test.ts compares them). Left out on
// purpose: NODE_ENV, NEXT_RUNTIME and NEXT_PHASE, which Next.js sets and inlines for itself, and the tooling's own
// knobs under scripts/ and e2e/.
//
// Node.js loads this file as it is (server/*.ts, scripts/*.ts strip the types): only erasable syntax, and no
// imports of the project's other modules.
import ipaddr from 'ipaddr.js';
import * as z from 'zod/mini';

type Setting = { schema: z.ZodMiniType; takes: string };
type Input = z.core.$ZodType<unknown, string>;

const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const wholeNumber = (fallback: number, min: number, max: number, unit?: string) => ({
  schema: z.pipe(
    z.transform((value: unknown) => unset(value) ?? String(fallback)),
    z.pipe(
      z.string().check(z.regex(/^\s*\d+\s*$/)),
      z.pipe(z.transform(Number), z.number().check(z.gte(min), z.lte(max))),
    ),
  ),
  takes: `a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max} (default ${fallback})`,
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
    z.pipe(
      z.optional(z.enum(['1', 'true', '0', 'false'])),
      z.transform((value) => value === '1' || value === 'true'),
    ),
  ),
  takes,
});

/** What DATA_DIR says to keep embedded PGlite's data in nothing but memory: gone when the process ends (the tests'). */
export const inMemory = 'memory://';

/** Where embedded PGlite keeps its data: a directory, or memory alone. */
export type DataDir = { readonly inMemory: true } | { readonly inMemory: false; readonly path: string };

// A branch name git accepts and no git command takes for an option (CMS_GITLAB_BRANCH is given to git).
const branchName = z.string().check(z.regex(/^(?!-)[\w./-]+$/));

const schema = {
  // Unset: `http://localhost:$PORT` (see parseSettings), where `npm start` and `next dev` answer by default.
  SITE_URL: optional(
    url(/^https?$/),
    'an http(s) origin such as https://www.coops.tech (default http://localhost:$PORT)',
  ),
  DATABASE_URL: optional(url(/^postgres(ql)?$/), 'a postgres:// address of a PostgreSQL server, or nothing'),
  DATA_DIR: withDefault(
    '.data',
    z.pipe(
      z.string().check(z.minLength(1)),
      z.transform((text): DataDir => (text === inMemory ? { inMemory: true } : { inMemory: false, path: text })),
    ),
    `a directory for embedded PGlite, or ${inMemory} to keep nothing (default .data)`,
  ),
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
  // Not 0, which Node.js takes for "any free port": the site's address (SITE_URL's default, the start's log line,
  // a proxy in front of it) must be known before it listens.
  PORT: wholeNumber(3000, 1, 65_535),
  HOSTNAME: withDefault('localhost', z.string().check(z.minLength(1)), 'a host name or address to listen on'),
  // `npm start` checks its timeouts once a second (server/server.ts), so a shorter one would not be kept as set; no
  // client needs ten minutes for its headers, nor an hour for a request (the bodies the site takes are small:
  // lib/http/body-limit.ts).
  HEADERS_TIMEOUT_MS: wholeNumber(10_000, 1_000, 600_000, 'milliseconds'),
  REQUEST_TIMEOUT_MS: wholeNumber(30_000, 1_000, 3_600_000, 'milliseconds'),
  MAX_CONNECTIONS: wholeNumber(1024, 1, 1_000_000),
  NEXT_OUTPUT: optional(z.literal('standalone'), 'standalone, or nothing'),
  // The content manager (lib/cms/config.ts): the three below together, or none of them (see parseSettings).
  CMS_GITLAB_URL: optional(
    z.pipe(
      url(/^https$/),
      z.transform((address: string) => address.replace(/\/+$/, '')),
    ),
    'the https address of the GitLab server, such as https://git.coop',
  ),
  CMS_GITLAB_REPO: optional(
    z.string().check(z.regex(/^[\w.-]+(\/[\w.-]+)+$/)),
    "the project's path on GitLab, such as cotech/website",
  ),
  CMS_GITLAB_APP_ID: optional(
    z.string().check(z.regex(/^[\w-]+$/)),
    "the ID of the site's OAuth application on GitLab",
  ),
  CMS_GITLAB_BRANCH: withDefault('main', branchName, 'the name of the branch the site is built from (default main)'),
  CMS_LOCAL_BACKEND_PORT: wholeNumber(8081, 1, 65_535),
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof schema;
export const settingNames = Object.keys(schema) as SettingName[];

type Parsed = { readonly [N in SettingName]: z.output<(typeof schema)[N]['schema']> };
export type Settings = Omit<Parsed, 'SITE_URL'> & { readonly SITE_URL: string };

/** The content manager's variables that configure it together (lib/cms/config.ts). */
export const cmsGitlabVariables = ['CMS_GITLAB_URL', 'CMS_GITLAB_REPO', 'CMS_GITLAB_APP_ID'] as const;

/**
 * Text with the user and password of any address in it hidden (`https://***@host/…`): an address may carry a
 * token or a password (CONTENT_GIT_URL, DATABASE_URL), and neither belongs in a log.
 */
export function withoutCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]+@/gi, '$1***@');
}

/** A setting the site cannot run with. Its message is the one line the start prints before it exits. */
export class SettingsError extends Error {}

/** A variable's value as the line that refuses it quotes it, with any password or token in it hidden. */
const shown = (value: string | undefined) =>
  value === undefined ? 'undefined' : JSON.stringify(withoutCredentials(value));

/** Reads every setting from `env`; throws a SettingsError naming the first bad one. */
export function parseSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const values: Record<string, unknown> = {};
  for (const name of settingNames) {
    const { schema: setting, takes } = schema[name];
    const result = setting.safeParse(env[name]);
    if (!result.success) throw new SettingsError(`${name} is ${shown(env[name])}, but it takes ${takes}.`);
    values[name] = result.data;
  }
  const parsed = values as Parsed;
  // Node.js refuses a server whose headers may take longer than the whole request.
  if (parsed.HEADERS_TIMEOUT_MS > parsed.REQUEST_TIMEOUT_MS) {
    throw new SettingsError(
      `HEADERS_TIMEOUT_MS is ${parsed.HEADERS_TIMEOUT_MS}, but it takes no more than REQUEST_TIMEOUT_MS ` +
        `(${parsed.REQUEST_TIMEOUT_MS}).`,
    );
  }
  // A content manager with some of its variables and not the others would only fail when an editor opens it.
  const missing = cmsGitlabVariables.filter((name) => parsed[name] === undefined);
  const [name] = missing;
  if (name && missing.length < cmsGitlabVariables.length) {
    const given = cmsGitlabVariables.filter((other) => !missing.includes(other)).join(' and ');
    throw new SettingsError(
      `${name} is ${shown(env[name])}, but the content manager needs it with ${given}: it takes ` +
        `${schema[name].takes}.`,
    );
  }
  return { ...parsed, SITE_URL: parsed.SITE_URL ?? `http://localhost:${parsed.PORT}` };
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
 * where a process starts: `npm start` (server/start.ts, server/server.ts), start-up under Next.js
 * (instrumentation.ts), next.config.ts, which Next.js loads first, and the scripts that read a setting.
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
