import { PermalinkForm } from '@/components/admin/permalink-form';
import { saveTriage } from '@/lib/admin/enquiry-actions';
import { statusLabel } from '@/lib/enquiries/labels';
import { statusesOf } from '@/lib/db/schema';
import { triageStatuses } from '@/lib/membership/text';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { noteAuthor, type Note } from '@/lib/enquiries/notes';
import { formatReceived } from '@/lib/format';
import { Field, selectControl, textControl } from '@/components/field';

/** The members' notes on an enquiry, oldest first, each with who wrote it and when. */
function Notes({ notes }: { notes: readonly Note[] }) {
  if (notes.length === 0) return <p>No notes yet.</p>;
  return (
    <ol aria-label="Notes" className="space-y-3">
      {notes.map((note) => (
        <li key={note.id} className="border-l-4 border-line pl-3">
          <p className="text-sm text-muted">
            <strong>{noteAuthor(note)}</strong>, <time dateTime={note.at.toISOString()}>{formatReceived(note.at)}</time>
          </p>
          <p className="whitespace-pre-line">{note.text}</p>
        </li>
      ))}
    </ol>
  );
}

/**
 * A member's status for an enquiry, with the statuses of its kind (a join enquiry's, or a lead's), and its notes:
 * a thread, to which the form adds one; none replaces another.
 */
export function TriageForm({
  enquiry,
  notes,
  saved,
  error,
}: {
  enquiry: StoredEnquiry;
  notes: readonly Note[];
  saved: boolean;
  error?: string;
}) {
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
          That status cannot be set here: nothing was saved.
          {enquiry.kind === 'join' && ' Approved and declined are set by the members’ decision, below.'}
        </p>
      )}
      <input type="hidden" name="id" value={enquiry.id} />
      <Field htmlFor="status" label="Status">
        <select id="status" name="status" defaultValue={enquiry.status} className={selectControl}>
          {triageStatuses(enquiry.kind, statusesOf[enquiry.kind], enquiry.status).map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </Field>
      <h3 className="font-semibold">Notes</h3>
      <Notes notes={notes} />
      <Field htmlFor="note" label="Add a note">
        <textarea id="note" name="note" rows={4} maxLength={5000} className={textControl} />
      </Field>
      <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
        Save
      </button>
    </PermalinkForm>
  );
}
