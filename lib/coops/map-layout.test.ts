import { describe, expect, it } from 'vitest';
import { spreadPoints } from './map-layout';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('spreadPoints', () => {
  it('leaves points that have room where they are', () => {
    const points = [
      { id: 'a', x: 10, y: 10 },
      { id: 'b', x: 50, y: 10 },
    ];
    expect(spreadPoints(points, 11)).toEqual(points);
  });

  it('rings points that share a place so no two are closer than the gap', () => {
    const points = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, x: 100, y: 100 }));
    const spread = spreadPoints([...points, { id: 'far', x: 200, y: 200 }], 11);
    expect(spread.map((point) => point.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'far']);
    for (const [i, a] of spread.entries()) {
      for (const b of spread.slice(i + 1)) expect(distance(a, b)).toBeGreaterThanOrEqual(11 - 1e-9);
    }
    // Still around the place they share.
    for (const point of spread.slice(0, 5)) expect(distance(point, { x: 100, y: 100 })).toBeLessThan(11);
    expect(spread[5]).toEqual({ id: 'far', x: 200, y: 200 });
  });
});
