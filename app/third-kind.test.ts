import { describe, expect, it, vi } from 'vitest';
import { volunteerKind } from '@/test/volunteer-kind';

// A third kind of enquiry, described in a test and added to the registry here alone: every place derived from the
// registry shows it with no other edit. (The kinds' table is built from the registry too; this kind has no
// migration, so nothing here touches the database.)
vi.mock('@/lib/enquiry-kinds', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/enquiry-kinds')>();
  const enquiryKindList = [...actual.enquiryKindList, volunteerKind];
  return {
    ...actual,
    enquiryKindList,
    enquiryKinds: enquiryKindList.map((kind) => kind.kind),
    kindOf: (kind: string) => enquiryKindList.find((description) => description.kind === kind),
  };
});

describe('a third kind of enquiry, added to the registry alone', () => {
  it('has its routes: its API answers, its page carries its form, its thanks page is built', async () => {
    const { kindAtEndpoint, kindOnPage } = await import('@/lib/enquiry-kinds/on-site');
    expect(kindAtEndpoint('volunteers')?.kind).toBe('volunteer');
    expect(kindOnPage('volunteer')?.kind).toBe('volunteer');
    const { GET } = await import('@/app/api/[endpoint]/route');
    const at = { params: Promise.resolve({ endpoint: 'volunteers' }) };
    // Only POST is taken; an endpoint no kind has would be 404.
    expect((await GET(new Request('http://localhost:3000/api/volunteers'), at)).status).toBe(405);
    const thanks = await import('@/app/[slug]/thanks/page');
    expect(thanks.generateStaticParams()).toContainEqual({ slug: 'volunteer' });
  });

  it('is in the navigation, where its description puts it', async () => {
    const { site } = await import('@/lib/site');
    const hrefs = site.nav.map((link) => link.href);
    expect(hrefs.indexOf('/volunteer')).toBe(hrefs.indexOf('/about') + 1);
    expect(site.nav).toContainEqual({ href: '/volunteer', label: 'Volunteer' });
  });

  it('has its thanks page among the site’s pages, which redirects may point to', async () => {
    const { redirectProblems, sitePaths } = await import('@/lib/content/redirects');
    const none = { pages: [], coops: [], services: [], technologies: [], towns: [], caseStudies: [] };
    const paths = sitePaths(none);
    expect(paths).toContain('/volunteer/thanks');
    const redirect = { from: '/helping', to: '/volunteer/thanks', line: 1 };
    expect(redirectProblems([redirect], { paths, inPublic: () => false })).toEqual([]);
  });

  it('has its section in the privacy notice, saying what it stores in its fields’ words', async () => {
    const { placeholders } = await import('@/lib/site');
    expect(placeholders.enquiryForms).toContain('## What the volunteer form stores');
    expect(placeholders.enquiryForms).toContain(
      'When someone offers to volunteer with [our offer form](/volunteer), we store what you send: your name, your ' +
        'email address and what you could help with.',
    );
  });

  it('is in the admin: its label, its statuses, the triage filter and its page’s title', async () => {
    const { kindLabels, statusLabel } = await import('@/lib/enquiries/labels');
    expect(kindLabels).toMatchObject({ volunteer: 'Volunteer' });
    expect(statusLabel('welcomed')).toBe('Welcomed');
    const { parseEnquiryFilter } = await import('@/lib/admin/enquiry-filter');
    expect(parseEnquiryFilter({ kind: 'volunteer' }).ok).toBe(true);
    const { enquiryTitle, keptOnErasure } = await import('@/lib/enquiry-kinds/on-site');
    expect(enquiryTitle('volunteer')).toBe('Volunteer offer');
    expect(keptOnErasure(volunteerKind)).toBe('skills and status');
  });

  it('has its column in the CSV', async () => {
    const { csvColumns } = await import('@/lib/enquiries/csv');
    expect(csvColumns.map((column) => column.header)).toContain('volunteer skills');
  });
});
