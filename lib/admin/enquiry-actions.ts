'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { kickOutbox } from '@/lib/mail/worker';
import { eraseEnquiry } from '@/lib/enquiries/erasure';
import { updateEnquiry } from '@/lib/enquiries/store';
import { forwardBrief } from '@/lib/hire/forwarding';
import { triageStatuses } from '@/lib/membership/text';
import { allStatuses } from './enquiry-filter';
import { memberForAction } from './require-member';

const change = z.object({
  id: z.uuid(),
  status: z.enum(allStatuses),
  /** A note to add to the enquiry's thread; empty adds none. */
  note: z.string().max(5000).default(''),
});

/**
 * Saves a member's triage of one enquiry (its status, and a new note), recording who changed what. It takes a previous state, which it has
 * none of, because its form runs it through useActionState (components/admin/permalink-form.tsx).
 */
export async function saveTriage(_previous: void, formData: FormData): Promise<void> {
  const member = await memberForAction();
  const parsed = change.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(`/admin/enquiries?error=invalid`);
  const { id, ...update } = parsed.data;
  const saved = await updateEnquiry(await getDb(), id, { ...update, offered: triageStatuses }, member.id);
  if (saved === 'missing') redirect('/admin/enquiries?error=missing');
  redirect(saved === 'saved' ? `/admin/enquiries/${id}?saved=1` : `/admin/enquiries/${id}?error=wrong-status`);
}

const forwarding = z.object({ id: z.uuid(), coops: z.array(z.string()), again: z.boolean() });

/**
 * A member forwards a brief to the co-ops they ticked; the outbox is woken so the mail goes out at once. When some
 * were sent it before, nothing is sent: the page asks whether to send it again (`again=` names them, ticked), and
 * the form's "again" box says yes (`ticked=` keeps every co-op that was ticked).
 */
export async function forwardBriefAction(_previous: void, formData: FormData): Promise<void> {
  const member = await memberForAction();
  const parsed = forwarding.safeParse({
    id: formData.get('id'),
    coops: formData.getAll('coop'),
    again: formData.get('again') === 'yes',
  });
  if (!parsed.success) redirect('/admin/enquiries?error=invalid');
  const { id, coops, again } = parsed.data;
  const forwarded = await forwardBrief(await getDb(), id, coops, member.id, { again });
  if (forwarded.outcome === 'missing') redirect('/admin/enquiries?error=missing');
  if (forwarded.outcome === 'again') {
    const list = (slugs: readonly string[]) => slugs.map(encodeURIComponent).join(',');
    redirect(`/admin/enquiries/${id}?again=${list(forwarded.slugs)}&ticked=${list(coops)}#forward`);
  }
  if (forwarded.outcome !== 'forwarded') redirect(`/admin/enquiries/${id}?error=${forwarded.outcome}`);
  kickOutbox();
  redirect(`/admin/enquiries/${id}?forwarded=${forwarded.coops.length}`);
}

const erasure = z.object({ id: z.uuid(), confirm: z.literal('erase') });

/** An admin erases an enquiry's personal data; the form asks them to confirm by ticking a box. */
export async function eraseEnquiryAction(_previous: void, formData: FormData): Promise<void> {
  const admin = await memberForAction('admin');
  const parsed = erasure.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const id = z.uuid().safeParse(formData.get('id'));
    redirect(id.success ? `/admin/enquiries/${id.data}?error=confirm-erasure` : '/admin/enquiries?error=invalid');
  }
  const erased = await eraseEnquiry(await getDb(), parsed.data.id, admin.id);
  redirect(erased ? `/admin/enquiries/${parsed.data.id}?erased=1` : '/admin/enquiries?error=missing');
}
