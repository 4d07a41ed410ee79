import { PermalinkForm } from '@/components/admin/permalink-form';
import { saveTriage } from '@/lib/admin/enquiry-actions';
import { statusLabel } from '@/lib/enquiries/labels';
import { statusesOf } from '@/lib/db/schema';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { Field, selectControl, textControl } from '@/components/field';

/** A member's status and note for an enquiry, with the statuses of its kind (a join enquiry's, or a lead's). */
export function TriageForm({ enquiry, saved, error }: { enquiry: StoredEnquiry; saved: boolean; error?: string }) {
  return (
    <PermalinkForm
      action={saveTriage}
      permalink={`/admin/enquiries/${enquiry.id}`}
      className="space-y-4 rounded border border-line bg-white p-6"
    >
      <h2 className="text-xl font-bold">Triage</h2>
      <p role="status" className="font-semibold empty:hidden">
        {saved ? 'Saved.' : ''}
      </p>
      {error === 'wrong-status' && (
        <p role="alert" className="font-semibold text-brand-dark">
          That status is not one of this enquiry&rsquo;s: nothing was saved.
        </p>
      )}
      <input type="hidden" name="id" value={enquiry.id} />
      <Field htmlFor="status" label="Status">
        <select id="status" name="status" defaultValue={enquiry.status} className={selectControl}>
          {statusesOf[enquiry.kind].map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </Field>
      <Field htmlFor="note" label="Note">
        <textarea id="note" name="note" rows={4} maxLength={5000} defaultValue={enquiry.note} className={textControl} />
      </Field>
      <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
        Save
      </button>
    </PermalinkForm>
  );
}
