/**
 * How the tests launch Chromium: the system's (Debian's chromium, or CHROMIUM_PATH), never a browser of Playwright's
 * own, with the switches that stop it calling home (the machines here have no network). Used by playwright.config.ts
 * and by the life suite, which launches its own under Vitest too.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
