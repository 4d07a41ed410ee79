import type { LeadFigures as Figures } from '@/lib/hire/figures';
import { serviceNames } from '@/lib/coops/services';

const quarter = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The network's figures for this quarter's briefs: how many came, were forwarded and won, and what they asked for. */
export function LeadFigures({ figures }: { figures: Figures }) {
  const totals: [string, number][] = [
    ['Leads', figures.leads],
    ['Forwarded', figures.forwarded],
    ['Won', figures.won],
  ];
  return (
    <section aria-labelledby="figures-heading" className="space-y-3 rounded border border-line bg-white p-6">
      <h2 id="figures-heading" className="text-xl font-bold">
        Leads this quarter (since {quarter.format(figures.since)})
      </h2>
      <dl className="flex flex-wrap gap-x-8 gap-y-2">
        {totals.map(([term, value]) => (
          <div key={term}>
            <dt className="text-sm text-muted">{term}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      {figures.services.length > 0 && (
        <>
          <h3 className="font-semibold">Leads per service asked for</h3>
          {/* A list of terms, not a table: the triage list below is the page's one table of rows. */}
          <dl className="grid grid-cols-[max-content_max-content] gap-x-6 text-sm">
            {figures.services.map(({ slug, leads }) => (
              <div key={slug} className="contents">
                <dt>{serviceNames.get(slug) ?? slug}</dt>
                <dd>{leads}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
