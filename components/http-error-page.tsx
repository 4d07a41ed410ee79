// The HTTP error answers to a form post, for visitors without JavaScript: with the problem's status (invalid,
// too many, the database unavailable), a whole HTML document in the site's frame and stylesheet, rendered by the
// route handler, holding the form again.
import type { FormState } from '@/lib/enquiry-kinds/form';
import type { KindDescription } from '@/lib/enquiry-kinds/kind';
import { KindForm } from './kind-form';
import { type PageFrame, routePage } from './route-page';

/**
 * The answer to a form post that failed, for visitors without JavaScript: the kind's form, rendered by the same
 * component as on its page, with each message beside its field and everything they typed kept, in the frame of the
 * pages route handlers render (./route-page.tsx).
 */
export async function formPage(kind: KindDescription, state: FormState, frame: PageFrame): Promise<Response> {
  const { problem } = state;
  return routePage(problem.title, <KindForm kind={kind} state={state} />, frame, {
    status: problem.status,
    ...(problem.retryAfterSeconds !== undefined && { headers: { 'retry-after': String(problem.retryAfterSeconds) } }),
  });
}
