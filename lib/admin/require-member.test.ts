import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import AdminLayout from '@/app/admin/layout';
import { GET as enquiriesCsv } from '@/app/admin/enquiries.csv/route';
import EnquiryPage from '@/app/admin/enquiries/[id]/page';
import EnquiriesPage from '@/app/admin/enquiries/page';
import { closeDb } from '@/lib/db';
import { resetDatabase, storeEnquiry } from '@/test/database';
import { validEnquiry } from '@/lib/enquiries/test-data';

// Outside Next.js there is no request for `headers()` to read: pages and layouts get this one.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const asking = (authorization?: string) => new Headers(authorization ? { authorization } : {});
const csv = (authorization?: string) =>
  enquiriesCsv(new Request('http://localhost:3000/admin/enquiries.csv', { headers: asking(authorization) }));
const notFoundError = { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' };
const coopName = 'Secretive Co-op';
let id: string;

beforeAll(async () => {
  await resetDatabase();
  ({ id } = await storeEnquiry({ ...validEnquiry, coopName }));
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(closeDb);

describe('the enquiries CSV route on its own, without the proxy', () => {
  it('answers 404 and no data while the admin is switched off, whatever is sent', async () => {
    vi.stubEnv('ADMIN_PASSWORD', '');
    for (const response of [await csv(), await csv(basic('admin:'))]) {
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(coopName);
    }
  });

  it('answers 401 with a Basic challenge and no data without the right credentials', async () => {
    vi.stubEnv('ADMIN_PASSWORD', 'pw');
    vi.stubEnv('ADMIN_USER', '');
    for (const response of [await csv(), await csv(basic('admin:wrong')), await csv('Bearer pw')]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      const body = await response.text();
      expect(body).not.toContain(coopName);
      expect(body).not.toContain(id);
    }
    const granted = await csv(basic('admin:pw'));
    expect(granted.status).toBe(200);
    expect(await granted.text()).toContain(`"${coopName}"`);
  });
});

describe('the admin pages and their layout on their own, without the proxy', () => {
  const pages = [
    () => EnquiriesPage(),
    () => EnquiryPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }),
    () => AdminLayout({ children: coopName }),
  ];

  it('show anyone but a member the not-found page', async () => {
    vi.stubEnv('ADMIN_PASSWORD', 'pw');
    vi.stubEnv('ADMIN_USER', '');
    for (const authorization of [undefined, basic('admin:wrong')]) {
      request.headers = asking(authorization);
      for (const render of pages) await expect(render()).rejects.toMatchObject(notFoundError);
    }
    vi.stubEnv('ADMIN_PASSWORD', '');
    request.headers = asking(basic('admin:'));
    for (const render of pages) await expect(render()).rejects.toMatchObject(notFoundError);
  });

  it('let a member in', async () => {
    vi.stubEnv('ADMIN_PASSWORD', 'pw');
    vi.stubEnv('ADMIN_USER', '');
    request.headers = asking(basic('admin:pw'));
    expect(await AdminLayout({ children: coopName })).toBe(coopName);
    await expect(EnquiriesPage()).resolves.toBeTruthy();
  });
});
