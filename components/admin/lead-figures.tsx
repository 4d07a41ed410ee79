import type { LeadFigures as Figures } from '@/lib/hire/figures';
import { hireServices } from '@/lib/hire/services';

const serviceNames = new Map(hireServices.map(({ slug, name }) => [slug, name]));
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
        <table className="text-left text-sm">
          <caption className="text-left font-semibold">Leads per service asked for</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-6">
                Service
              </th>
              <th scope="col">Leads</th>
            </tr>
          </thead>
          <tbody>
            {figures.services.map(({ slug, leads }) => (
              <tr key={slug}>
                <td className="pr-6">{serviceNames.get(slug) ?? slug}</td>
                <td>{leads}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
