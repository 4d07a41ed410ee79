import { enquiryName, formatReceived, statusLabel } from '@/lib/admin/enquiry-labels';
import { briefDetails } from '@/lib/enquiries/mail';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { hireServices } from '@/lib/hire/services';
import { suggestFor } from '@/lib/hire/suggest';

const serviceNames = new Map(hireServices.map(({ slug, name }) => [slug, name]));

/** A client's brief as members read it, with the member co-ops suggested for it and why. */
export function BriefDetails({ brief }: { brief: StoredEnquiry }) {
  const suggestions = suggestFor(brief);
  const details: [string, React.ReactNode][] = [
    ['Received', formatReceived(brief.createdAt)],
    ['Status', statusLabel(brief.status)],
    ...briefDetails(brief, serviceNames)
      .filter(([term]) => term !== 'Organisation')
      .map(([term, value]): [string, React.ReactNode] =>
        // An erased brief's personal fields are empty.
        !value
          ? [term, '—']
          : term === 'Email'
            ? [
                term,
                <a key="email" href={`mailto:${value}`}>
                  {value}
                </a>,
              ]
            : [
                term,
                <span key={term} className="whitespace-pre-line">
                  {value}
                </span>,
              ],
      ),
  ];
  return (
    <>
      <h1 className="text-3xl font-bold">{enquiryName(brief)}</h1>
      <p className="text-muted">A client’s brief</p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {details.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="suggested-heading" className="space-y-3">
        <h2 id="suggested-heading" className="text-xl font-bold">
          Suggested co-ops
        </h2>
        {suggestions.length === 0 ? (
          <p>No member co-op offers these services or uses these technologies.</p>
        ) : (
          <ol className="list-decimal space-y-2 pl-6">
            {suggestions.map((suggestion) => (
              <li key={suggestion.slug}>
                <a href={`/co-op/${suggestion.slug}`}>{suggestion.name}</a>: {suggestion.summary}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
