import { EnquiryForm } from '@/components/enquiry-form';
import { choicesFor } from '@/lib/enquiries/choices';
import type { FormState } from '@/lib/enquiry-kinds/form';
import { formOf, type KindDescription } from '@/lib/enquiry-kinds/kind';

/**
 * A kind's form as its page shows it: its description, with the directory's options for the fields that take
 * theirs from it; `initial` chooses some before the visitor does (an option's own page).
 */
export function KindForm({
  kind,
  state,
  initial,
}: {
  kind: KindDescription;
  state?: FormState;
  initial?: Readonly<Record<string, unknown>>;
}) {
  return <EnquiryForm form={formOf(kind)} state={state} choices={choicesFor(kind)} initial={initial} />;
}
