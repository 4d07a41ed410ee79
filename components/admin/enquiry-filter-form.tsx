import { allStatuses } from '@/lib/admin/enquiry-filter';
import { kindLabels, statusLabel } from '@/lib/admin/enquiry-labels';
import { enquiryKinds } from '@/lib/db/schema';
import type { EnquiryFilter } from '@/lib/enquiries/store';

/** The triage list's filter: a plain GET form, so it works without JavaScript and its URL can be shared. */
export function EnquiryFilterForm({ filter }: { filter: EnquiryFilter }) {
  return (
    <form method="get" action="/admin/enquiries" className="flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor="filter-kind" className="block font-semibold">
          Kind
        </label>
        <select
          id="filter-kind"
          name="kind"
          defaultValue={filter.kind ?? ''}
          className="mt-1 rounded border border-muted px-3 py-2"
        >
          <option value="">Any</option>
          {enquiryKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className="block font-semibold">
          Status
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={filter.status ?? ''}
          className="mt-1 rounded border border-muted px-3 py-2"
        >
          <option value="">Any</option>
          {allStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
        Filter
      </button>
    </form>
  );
}
