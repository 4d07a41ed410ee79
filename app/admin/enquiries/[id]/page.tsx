import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BriefDetails } from '@/components/admin/brief-details';
import { History } from '@/components/admin/history';
import { PermalinkForm } from '@/components/admin/permalink-form';
import { eraseEnquiryAction, saveTriage } from '@/lib/admin/actions';
import { formatReceived, statusLabels } from '@/lib/admin/enquiry-labels';
import { requireMember } from '@/lib/admin/require-member';
import { enquiryHistory } from '@/lib/audit';
import { getDb } from '@/lib/db';
import { enquiryStatuses } from '@/lib/db/schema';
import { legalForms, type LegalForm } from '@/lib/enquiries/schema';
import { getEnquiry, isStale } from '@/lib/enquiries/store';

export const dynamic = 'force-dynamic';
type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; erased?: string; error?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const enquiry = await getEnquiry(await getDb(), (await params).id);
  return { title: enquiry?.kind === 'brief' ? 'Brief' : 'Join enquiry', robots: { index: false } };
}

export default async function EnquiryPage({ params, searchParams }: Props) {
  const member = await requireMember();
  const db = await getDb();
  const enquiry = await getEnquiry(db, (await params).id);
  if (!enquiry) notFound();
  const history = await enquiryHistory(db, enquiry.id);
  const { saved, erased, error } = await searchParams;
  if (enquiry.kind === 'brief') {
    return (
      <div className="mx-auto max-w-prose space-y-6">
        <p>
          <Link href="/admin/enquiries">All enquiries</Link>
        </p>
        <BriefDetails brief={enquiry} />
        <section aria-labelledby="history" className="space-y-3">
          <h2 id="history" className="text-xl font-bold">
            History
          </h2>
          <History entries={history} />
        </section>
      </div>
    );
  }
  const link = (href: string | null) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow">
        {href}
      </a>
    ) : (
      '—'
    );
  const details: [string, React.ReactNode][] = [
    ['Received', formatReceived(enquiry.createdAt)],
    // An erased enquiry's personal fields are empty.
    ['Contact', enquiry.contactName || '—'],
    [
      'Email',
      enquiry.email ? (
        <a key="email" href={`mailto:${enquiry.email}`}>
          {enquiry.email}
        </a>
      ) : (
        '—'
      ),
    ],
    ['Website', link(enquiry.website)],
    ['Location', enquiry.location],
    ['Legal form', legalForms[enquiry.legalForm as LegalForm] ?? enquiry.legalForm],
    [
      'About the co-op',
      <span key="about" className="whitespace-pre-line">
        {enquiry.description || '—'}
      </span>,
    ],
    ['Evidence', link(enquiry.evidenceUrl)],
  ];
  return (
    <div className="mx-auto max-w-prose space-y-6">
      <p>
        <Link href="/admin/enquiries">All enquiries</Link>
      </p>
      <h1 className="text-3xl font-bold">{enquiry.coopName}</h1>
      {isStale(enquiry) && <p className="font-semibold text-brand-dark">Still new after 7 days: please reply.</p>}
      {enquiry.anonymisedAt && (
        <p role="status" className="font-semibold">
          {erased ? 'Erased. ' : ''}The personal details of this enquiry were removed on{' '}
          {formatReceived(enquiry.anonymisedAt)}.
        </p>
      )}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {details.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <PermalinkForm
        action={saveTriage}
        permalink={`/admin/enquiries/${enquiry.id}`}
        className="space-y-4 rounded border border-line bg-white p-6"
      >
        <h2 className="text-xl font-bold">Triage</h2>
        <p role="status" className="font-semibold empty:hidden">
          {saved ? 'Saved.' : ''}
        </p>
        <input type="hidden" name="id" value={enquiry.id} />
        <div>
          <label htmlFor="status" className="block font-semibold">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={enquiry.status}
            className="mt-1 rounded border border-muted px-3 py-2"
          >
            {enquiryStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="note" className="block font-semibold">
            Note
          </label>
          <textarea
            id="note"
            name="note"
            rows={4}
            maxLength={5000}
            defaultValue={enquiry.note}
            className="mt-1 block w-full rounded border border-muted px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
          Save
        </button>
      </PermalinkForm>
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-bold">
          History
        </h2>
        <History entries={history} />
      </section>
      {member.role === 'admin' && !enquiry.anonymisedAt && (
        <PermalinkForm
          action={eraseEnquiryAction}
          permalink={`/admin/enquiries/${enquiry.id}`}
          className="space-y-4 rounded border border-line bg-white p-6"
        >
          <h2 className="text-xl font-bold">Erase</h2>
          <p>
            When the applicant asks, or the enquiry was not theirs to send: removes the contact&rsquo;s name and
            address, the description, the links and the note, here and in the history. The co-op&rsquo;s name, location,
            legal form and status stay. It cannot be undone.
          </p>
          {error === 'confirm-erasure' && (
            <p role="alert" className="font-semibold text-brand-dark">
              Tick the box to confirm the erasure.
            </p>
          )}
          <input type="hidden" name="id" value={enquiry.id} />
          <div className="flex items-start gap-3">
            <input type="checkbox" id="confirm-erasure" name="confirm" value="erase" />
            <label htmlFor="confirm-erasure">Erase this enquiry&rsquo;s personal details</label>
          </div>
          <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
            Erase
          </button>
        </PermalinkForm>
      )}
    </div>
  );
}
