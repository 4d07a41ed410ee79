import { describe, expect, it } from 'vitest';
import * as briefs from '@/app/api/briefs/route';
import * as join from '@/app/api/join/route';

describe.each([
  ['/api/join', join],
  ['/api/briefs', briefs],
])('%s methods', (_path, { DELETE, GET, PATCH, PUT }) => {
  it('answers 405 with Allow: POST to every other method', async () => {
    for (const handler of [GET, PUT, PATCH, DELETE]) {
      const response = handler();
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
