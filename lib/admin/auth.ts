import { createHash, timingSafeEqual } from 'node:crypto';

export type AdminAccess = 'disabled' | 'denied' | 'granted';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * HTTP Basic auth against ADMIN_USER (default `admin`) and ADMIN_PASSWORD. With no password set the admin is
 * switched off entirely: it answers 404, never opens.
 */
export function adminAccess(
  authorization: string | null,
  env: Record<string, string | undefined> = process.env,
): AdminAccess {
  const password = env.ADMIN_PASSWORD;
  if (!password) return 'disabled';
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
  if (!match?.[1]) return 'denied';
  const given = Buffer.from(match[1], 'base64').toString('utf8');
  const expected = `${env.ADMIN_USER || 'admin'}:${password}`;
  // Compare digests so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(digest(given), digest(expected)) ? 'granted' : 'denied';
}

export const basicAuthChallenge = 'Basic realm="CoTech members", charset="UTF-8"';
