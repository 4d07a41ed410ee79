// The environment variables `npm start`'s server reads (server/start.ts, server/server.ts), read here and only here,
// through one schema: a bad value stops the start with one line naming the variable, what it got and what it takes,
// where `Number(x) || 1024` used to put a default in its place without a word. An empty variable counts as unset.
// The app's own variables (DATA_DIR, SMTP_URL, ...) are read by the app; these are the server's, kept apart so that
// plain Node.js loads this file as it is.
import * as z from 'zod/mini';

const wholeNumber = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^[0-9]+$/)),
    z.pipe(
      z.transform((text: string) => Number(text)),
      z.number().check(z.gte(min), z.lte(max)),
    ),
  );

const schema = z.object({
  PORT: z._default(wholeNumber(1, 65_535), 3000),
  HOSTNAME: z._default(z.string(), 'localhost'),
  // The public origin the build bakes into canonical URLs; `http://localhost:$PORT` when unset.
  SITE_URL: z.optional(z.url({ protocol: /^https?$/ })),
  // Documented in the README: a slow or stalled client cannot hold a connection longer than these.
  HEADERS_TIMEOUT_MS: z._default(wholeNumber(1, 3_600_000), 10_000),
  REQUEST_TIMEOUT_MS: z._default(wholeNumber(1, 3_600_000), 30_000),
  MAX_CONNECTIONS: z._default(wholeNumber(1, 1_000_000), 1024),
});
type Variable = keyof z.infer<typeof schema>;

/** What each variable takes, for the line that refuses a bad value. */
const takes: Record<Variable, string> = {
  PORT: 'a port number from 1 to 65535',
  HOSTNAME: 'the host name or address to listen on',
  SITE_URL: 'the site’s public origin, an http or https URL such as https://www.coops.tech',
  HEADERS_TIMEOUT_MS: 'a whole number of milliseconds from 1 to 3600000',
  REQUEST_TIMEOUT_MS: 'a whole number of milliseconds from 1 to 3600000',
  MAX_CONNECTIONS: 'a whole number from 1 to 1000000',
};
const variables = Object.keys(takes) as Variable[];

export type ServerSettings = {
  port: number;
  hostname: string;
  siteUrl: string;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
};

/** The server's settings from `env`; throws an Error whose message is the one line that names a bad value. */
export function serverSettings(env: Readonly<Record<string, string | undefined>> = process.env): ServerSettings {
  const given = Object.fromEntries(variables.map((name) => [name, env[name] || undefined]));
  const result = schema.safeParse(given);
  if (!result.success) {
    const name = result.error.issues[0]?.path[0] as Variable;
    throw new Error(`${name} is ${JSON.stringify(given[name])}, but it takes ${takes[name]}.`);
  }
  const settings = result.data;
  // Node.js refuses a server whose headers may take longer than the whole request.
  if (settings.HEADERS_TIMEOUT_MS > settings.REQUEST_TIMEOUT_MS) {
    throw new Error(
      `HEADERS_TIMEOUT_MS is ${settings.HEADERS_TIMEOUT_MS}, but it takes no more than REQUEST_TIMEOUT_MS ` +
        `(${settings.REQUEST_TIMEOUT_MS}).`,
    );
  }
  return {
    port: settings.PORT,
    hostname: settings.HOSTNAME,
    siteUrl: settings.SITE_URL ?? `http://localhost:${settings.PORT}`,
    headersTimeoutMs: settings.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: settings.REQUEST_TIMEOUT_MS,
    maxConnections: settings.MAX_CONNECTIONS,
  };
}

/** The server's settings, or exit 1 with the line that names a bad value: the server must not start on a guess. */
export function serverSettingsOrExit(): ServerSettings {
  try {
    return serverSettings();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
