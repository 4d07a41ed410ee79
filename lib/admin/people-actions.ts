'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { addPerson, newPerson, reinvite, setDisabled, setRole } from '@/lib/auth/accounts';
import { kickOutbox } from '@/lib/mail/worker';
import { linkCoop, unlinkCoop } from '@/lib/coops/people';
import { getDb } from '@/lib/db';
import { roles } from '@/lib/db/schema';
import { directory } from '@/lib/coops';
import { memberForAction } from './require-member';

/**
 * Adds a person who may sign in, linked to the co-op chosen (which makes them its contact unless another role is
 * chosen), and queues their invitation; the page says what was wrong with the form, field by field.
 */
export async function addPersonAction(_previous: void, formData: FormData): Promise<void> {
  const admin = await memberForAction('admin');
  const parsed = newPerson.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    redirect(`/admin/people?error=${typeof field === 'string' ? field : 'invalid'}`);
  }
  // Only the directory's co-ops: a slug that names no entry could never be edited.
  if (parsed.data.coop && !directory.getCoop(parsed.data.coop)) redirect('/admin/people?error=coop');
  const added = await addPerson(await getDb(), parsed.data, admin.id, { invite: true });
  if (!added) redirect('/admin/people?error=exists');
  kickOutbox();
  redirect(`/admin/people?added=${encodeURIComponent(added.id)}`);
}

const change = z.discriminatedUnion('change', [
  z.object({ id: z.string().min(1), change: z.enum(['disable', 'enable', 'invite']) }),
  z.object({ id: z.string().min(1), change: z.literal('role'), role: z.enum(roles) }),
]);

/**
 * Disables, re-enables or changes the role of a person, or sends their invitation again. An admin cannot lock
 * themselves out.
 */
export async function changePersonAction(_previous: void, formData: FormData): Promise<void> {
  const admin = await memberForAction('admin');
  const parsed = change.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect('/admin/people?error=invalid');
  const request = parsed.data;
  if (request.id === admin.id) redirect('/admin/people?error=self');
  const db = await getDb();
  if (request.change === 'invite') {
    if (!(await reinvite(db, request.id, admin.id))) redirect('/admin/people?error=invalid');
    kickOutbox();
    redirect(`/admin/people?invited=${encodeURIComponent(request.id)}`);
  }
  if (request.change === 'role') await setRole(db, request.id, request.role, admin.id);
  else await setDisabled(db, request.id, request.change === 'disable', admin.id);
  redirect('/admin/people?changed=1');
}

const coopLink = z.object({
  id: z.string().min(1),
  change: z.enum(['link', 'unlink']),
  // Only the directory's co-ops: a slug that names no entry could never be edited.
  coop: z.string().refine((slug) => directory.getCoop(slug) !== undefined),
});

/** Links a person to a co-op, or unlinks them: each is one audit event, in the same transaction (lib/coops/people.ts). */
export async function coopLinkAction(_previous: void, formData: FormData): Promise<void> {
  const admin = await memberForAction('admin');
  const parsed = coopLink.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect('/admin/people?error=coop');
  const { id, change, coop } = parsed.data;
  const db = await getDb();
  const changed = change === 'link' ? await linkCoop(db, id, coop, admin.id) : await unlinkCoop(db, id, coop, admin.id);
  // A contact linked is mailed an invitation (lib/coops/people.ts): it goes now, not at the next poll.
  if (changed && change === 'link') kickOutbox();
  redirect(changed ? '/admin/people?changed=1' : '/admin/people?error=invalid');
}
