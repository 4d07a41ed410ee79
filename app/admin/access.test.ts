import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import AdminLayout from '@/app/admin/layout';
import { GET as enquiriesCsv } from '@/app/admin/enquiries.csv/route';
import ActivityPage from '@/app/admin/activity/page';
import CoopEntriesPage from '@/app/admin/coops/page';
import EnquiryPage from '@/app/admin/enquiries/[id]/page';
import EnquiriesPage from '@/app/admin/enquiries/page';
import PeoplePage from '@/app/admin/people/page';
import ProposalsPage from '@/app/admin/proposals/page';
import { closeDb } from '@/lib/db';
import { validEnquiry } from '@/test/enquiry-data';
import { resetDatabase, storeEnquiry } from '@/test/database';
import { signedIn } from '@/test/sign-in/in-process';

// Outside Next.js there is no request for `headers()` to read: pages and layouts get this one.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));

const asking = (cookie?: string) => new Headers(cookie ? { cookie } : {});
const csv = (cookie?: string) =>
  enquiriesCsv(new Request('http://localhost:3000/admin/enquiries.csv', { headers: asking(cookie) }));
const redirectToSignIn = { digest: expect.stringMatching(/^NEXT_REDIRECT;replace;\/sign-in;/) };
const notFoundError = { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' };
const coopName = 'Secretive Co-op';
let id: string;
let member: string;
let admin: string;
let contact: string;

beforeAll(async () => {
  await resetDatabase();
  ({ id } = await storeEnquiry({ ...validEnquiry, coopName }));
  ({ cookie: member } = await signedIn({ name: 'Mary Member', email: 'mary@example.coop', role: 'member' }));
  ({ cookie: admin } = await signedIn({ name: 'Ada Admin', email: 'ada@example.coop', role: 'admin' }));
  ({ cookie: contact } = await signedIn({ name: 'Cleo Contact', email: 'cleo@example.coop', role: 'contact' }));
});
afterAll(closeDb);

describe('the enquiries CSV route on its own, without the proxy', () => {
  it('answers 401 and no data to anyone not signed in, or with a forged session cookie', async () => {
    const forged = 'better-auth.session_token=made-up.signature';
    for (const response of [await csv(), await csv(forged)]) {
      expect(response.status).toBe(401);
      const body = await response.text();
      expect(body).not.toContain(coopName);
      expect(body).not.toContain(id);
    }
  });

  it('answers a co-op contact, who is signed in but not a member, as it answers a stranger', async () => {
    const refused = await csv(contact);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain(coopName);
  });

  it('gives a signed-in member the enquiries', async () => {
    const granted = await csv(member);
    expect(granted.status).toBe(200);
    expect(await granted.text()).toContain(`"${coopName}"`);
  });
});

describe('the admin pages and their layout on their own, without the proxy', () => {
  const pages = [
    () => EnquiriesPage({ searchParams: Promise.resolve({}) }),
    () => EnquiryPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }),
    () => AdminLayout({ children: coopName }),
    () => PeoplePage({ searchParams: Promise.resolve({}) }),
    () => ActivityPage(),
    () => ProposalsPage(),
    () => CoopEntriesPage(),
  ];

  it('send anyone not signed in to sign in', async () => {
    for (const cookie of [undefined, 'better-auth.session_token=made-up.signature']) {
      request.headers = asking(cookie);
      for (const render of pages) await expect(render()).rejects.toMatchObject(redirectToSignIn);
    }
  });

  it('give a co-op contact the not-found page, whichever admin page they ask for', async () => {
    request.headers = asking(contact);
    for (const render of pages) await expect(render()).rejects.toMatchObject(notFoundError);
  });

  it('let a member triage, and keep account management and activity to admins', async () => {
    request.headers = asking(member);
    await expect(AdminLayout({ children: coopName })).resolves.toBeTruthy();
    await expect(EnquiriesPage({ searchParams: Promise.resolve({}) })).resolves.toBeTruthy();
    await expect(ProposalsPage()).resolves.toBeTruthy();
    await expect(PeoplePage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject(notFoundError);
    await expect(ActivityPage()).rejects.toMatchObject(notFoundError);
    await expect(CoopEntriesPage()).rejects.toMatchObject(notFoundError);
    request.headers = asking(admin);
    await expect(PeoplePage({ searchParams: Promise.resolve({}) })).resolves.toBeTruthy();
    await expect(ActivityPage()).resolves.toBeTruthy();
    await expect(CoopEntriesPage()).resolves.toBeTruthy();
  });
});
