'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { isCrossSite } from '@/lib/cross-site';
import { getDb } from '@/lib/db';
import { enquiryStatuses } from '@/lib/db/schema';
import { updateEnquiry } from '@/lib/enquiries/store';
import { site } from '@/lib/site';
import { memberRefusal } from './require-member';

const change = z.object({
  id: z.uuid(),
  status: z.enum(enquiryStatuses),
  note: z.string().max(5000),
});

/**
 * Saves a member's triage of one enquiry. The proxy guards /admin, but a Server Action is reachable by POST, so
 * it checks the credentials and the request's origin itself as well. It takes a previous state, which it has
 * none of, because its form runs it through useActionState (components/admin/permalink-form.tsx).
 */
export async function saveTriage(_previous: void, formData: FormData): Promise<void> {
  const requestHeaders = await headers();
  if (memberRefusal(requestHeaders)) throw new Error('Not signed in');
  const host = requestHeaders.get('host');
  if (isCrossSite(requestHeaders, [site.url, ...(host ? [`http://${host}`, `https://${host}`] : [])])) {
    throw new Error('Cross-site request refused');
  }
  const parsed = change.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(`/admin/enquiries?error=invalid`);
  const { id, ...update } = parsed.data;
  const saved = await updateEnquiry(await getDb(), id, update);
  redirect(saved ? `/admin/enquiries/${id}?saved=1` : '/admin/enquiries?error=missing');
}
