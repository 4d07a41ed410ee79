import { allStatuses } from '@/lib/admin/enquiry-filter';
import { kindLabels, statusLabel } from '@/lib/enquiries/labels';
import { enquiryKinds } from '@/lib/db/schema';
import type { EnquiryFilter } from '@/lib/enquiries/store';
import { Field, selectControl } from '@/components/field';

/**
 * The triage list's filter: a plain GET form, so it works without JavaScript and its URL can be shared. The reference
 * is what a sender quotes (`B-9M2D`), typed as it was read out; `typed` is kept when it is not one, to be corrected.
 */
export function EnquiryFilterForm({ filter, typed }: { filter: EnquiryFilter; typed?: string }) {
  return (
    <form method="get" action="/admin/enquiries" className="flex flex-wrap items-end gap-4">
      <Field htmlFor="filter-reference" label="Reference">
        <input
          id="filter-reference"
          name="reference"
          defaultValue={filter.reference ?? typed ?? ''}
          autoComplete="off"
          spellCheck={false}
          className={`${selectControl} w-32 font-mono uppercase`}
        />
      </Field>
      <Field htmlFor="filter-kind" label="Kind">
        <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ''} className={selectControl}>
          <option value="">Any</option>
          {enquiryKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </Field>
      <Field htmlFor="filter-status" label="Status">
        <select id="filter-status" name="status" defaultValue={filter.status ?? ''} className={selectControl}>
          <option value="">Any</option>
          {allStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
        Filter
      </button>
    </form>
  );
}
