import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLogo } from '@/lib/content/logo';
import { decodePng, solidPng } from '@/test/images';
import { renderOgImage } from './opengraph-image';

let publicDir: string;
beforeAll(async () => {
  publicDir = await mkdtemp(join(tmpdir(), 'cotech-og-'));
  await mkdir(join(publicDir, 'images/coops'), { recursive: true });
  await writeFile(
    join(publicDir, 'images/coops/green.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10" fill="#00aa00"/></svg>',
  );
  await writeFile(join(publicDir, 'images/coops/blue.png'), solidPng(300, 100, [0, 0, 255]));
});
afterAll(async () => {
  await rm(publicDir, { recursive: true, force: true });
});

/** The card as the PNG a link preview shows, decoded. */
async function card(logo?: string) {
  const image = await renderOgImage('Acme Co-op', logo === undefined ? undefined : readLogo(logo, publicDir));
  return decodePng(Buffer.from(await image.arrayBuffer()));
}

describe('a preview card with a logo', () => {
  it('draws an SVG logo fitted into its 240 px box beside the heading', async () => {
    const green: [number, number, number] = [0, 0xaa, 0];
    expect((await card()).count(green)).toBe(0);
    const drawn = await card('/images/coops/green.svg');
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: 1200, height: 630 });
    expect(drawn.count(green)).toBe(240 * 120);
  });

  it('draws a PNG logo from its data, shrunk to fit', async () => {
    const blue: [number, number, number] = [0, 0, 255];
    expect((await card()).count(blue)).toBe(0);
    expect((await card('/images/coops/blue.png')).count(blue)).toBe(240 * 80);
  });
});
