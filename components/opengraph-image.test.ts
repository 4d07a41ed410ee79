import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLogo } from '@/lib/content/logo';
import { colors } from '@/lib/theme';
import { decodePng, solidPng } from '@/test/images';
import { renderOgImage, type CardPicture } from './opengraph-image';

let publicDir: string;
beforeAll(async () => {
  publicDir = await mkdtemp(join(tmpdir(), 'cotech-og-'));
  await mkdir(join(publicDir, 'images/coops'), { recursive: true });
  await writeFile(
    join(publicDir, 'images/coops/green.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10" fill="#00aa00"/></svg>',
  );
  await writeFile(join(publicDir, 'images/coops/blue.png'), solidPng(300, 100, [0, 0, 255]));
  await writeFile(join(publicDir, 'images/coops/white.png'), solidPng(300, 100, [255, 255, 255]));
});
afterAll(async () => {
  await rm(publicDir, { recursive: true, force: true });
});

/** The card as the PNG a link preview shows, decoded. */
async function cardWith(picture?: CardPicture) {
  const image = await renderOgImage('Acme Co-op', { picture, details: 'Leeds · Hosting' });
  return decodePng(Buffer.from(await image.arrayBuffer()));
}
const card = (logo?: string) => cardWith(logo === undefined ? undefined : { logo: readLogo(logo, publicDir) });

/** `#rrggbb` as the decoder counts it. */
const rgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];

describe('a preview card with a logo', () => {
  it('draws an SVG logo fitted into its 240 px box beside the heading', async () => {
    const green: [number, number, number] = [0, 0xaa, 0];
    expect((await card()).count(green)).toBe(0);
    const drawn = await card('/images/coops/green.svg');
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: 1200, height: 630 });
    expect(drawn.count(green)).toBe(240 * 120);
  });

  it('draws a light logo on a tile of the ink colour when it needs one', async () => {
    const ink = rgb(colors.ink);
    const white = readLogo('/images/coops/white.png', publicDir);
    const plain = await cardWith({ logo: white });
    const tiled = await cardWith({ logo: white, onDark: true });
    // The logo, 240 by 80, with 24 px of tile around it (less the tile's rounded corners).
    expect(tiled.count(ink) - plain.count(ink)).toBeGreaterThan((288 * 128 - 240 * 80) * 0.9);
  });

  it('draws a PNG logo from its data, shrunk to fit', async () => {
    const blue: [number, number, number] = [0, 0, 255];
    expect((await card()).count(blue)).toBe(0);
    expect((await card('/images/coops/blue.png')).count(blue)).toBe(240 * 80);
  });
});

describe('every preview card', () => {
  it("carries the site's mark: its red tile, beside the red band at the top", async () => {
    const band = 1200 * 24;
    // The 64-pixel tile, less its rounded corners and the white ring drawn on it.
    expect((await card()).count(rgb(colors.brand.DEFAULT))).toBeGreaterThan(band + 64 * 64 * 0.5);
  });
});

describe('a preview card with a monogram', () => {
  it("draws the co-op's colour in the 240 px square beside the heading, its initials on it", async () => {
    const purple = rgb('#572eb8');
    expect((await card()).count(purple)).toBe(0);
    const drawn = await cardWith({ monogram: { initials: 'AC', background: '#572eb8', foreground: '#ffffff' } });
    // The square, less its rounded corners and the letters.
    expect(drawn.count(purple)).toBeGreaterThan(240 * 240 * 0.75);
    expect(drawn.count(purple)).toBeLessThan(240 * 240);
  });
});
