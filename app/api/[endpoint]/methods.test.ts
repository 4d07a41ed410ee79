import { describe, expect, it } from 'vitest';
import { DELETE, GET, PATCH, PUT } from './route';

const at = (endpoint: string) => ({ params: Promise.resolve({ endpoint }) });
const request = (path: string) => new Request(`http://localhost:3000/api/${path}`);

describe.each(['join', 'briefs'])('/api/%s methods', (endpoint) => {
  it('answers 405 with Allow: POST to every other method', async () => {
    for (const handler of [GET, PUT, PATCH, DELETE]) {
      const response = await handler(request(endpoint), at(endpoint));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('an endpoint no kind has', () => {
  it('is not found, whatever the method', async () => {
    for (const handler of [GET, PUT, PATCH, DELETE]) {
      expect((await handler(request('volunteer'), at('volunteer'))).status).toBe(404);
    }
  });
});
