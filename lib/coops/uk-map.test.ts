import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { ukMap } = await import('./uk-map');

describe('ukMap', () => {
  it('draws the UK outline as a compact SVG path', () => {
    expect(ukMap.outline).toMatch(/^M[\d.,]+L/);
    expect(ukMap.outline.length).toBeLessThan(15_000);
    // Taller than wide, as Great Britain is, from Shetland to the Scilly Isles.
    expect(ukMap.height).toBeGreaterThan(ukMap.width * 1.5);
  });

  it('places towns where they are relative to each other', () => {
    const london = ukMap.place(-0.1276, 51.5072);
    const glasgow = ukMap.place(-4.2518, 55.8642);
    const belfast = ukMap.place(-5.9301, 54.5973);
    expect(london && glasgow && belfast).toBeTruthy();
    if (!london || !glasgow || !belfast) return;
    expect(london.x).toBeGreaterThan(glasgow.x); // east
    expect(london.y).toBeGreaterThan(glasgow.y); // south
    expect(belfast.x).toBeLessThan(glasgow.x); // west
  });

  it('leaves places outside the UK off the map', () => {
    expect(ukMap.place(-72.33, 19.37)).toBeUndefined(); // Haiti
  });
});
