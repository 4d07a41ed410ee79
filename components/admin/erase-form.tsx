import { PermalinkForm } from '@/components/admin/permalink-form';
import { eraseEnquiryAction } from '@/lib/admin/enquiry-actions';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { kindOf } from '@/lib/enquiry-kinds';
import { keptOnErasure } from '@/lib/enquiry-kinds/on-site';

/** An admin's erasure of an enquiry's personal details, confirmed by ticking a box. */
export function EraseForm({ enquiry, unconfirmed }: { enquiry: StoredEnquiry; unconfirmed: boolean }) {
  const kind = kindOf(enquiry.kind);
  const kept = kind
    ? `Its ${keptOnErasure(kind)} stay${kind.site.forwardable ? ', and its forwarding records' : ''}.`
    : '';
  return (
    <PermalinkForm
      action={eraseEnquiryAction}
      permalink={`/admin/enquiries/${enquiry.id}`}
      className="space-y-4 rounded border border-line bg-white p-6"
    >
      <h2 className="text-xl font-bold">Erase</h2>
      <p>
        When the sender asks, or the enquiry was not theirs to send: removes the contact&rsquo;s name and address, the
        description, the links and the note, here and in the history. {kept} It cannot be undone.
      </p>
      {unconfirmed && (
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
  );
}
