import { EnquiryForm } from '@/components/enquiry-form';
import { MatchList } from '@/components/hire/match-list';
import { choicesFor } from '@/lib/enquiries/choices';
import type { FormState } from '@/lib/enquiry-kinds/form';
import { formOf, type KindDescription } from '@/lib/enquiry-kinds/kind';

/**
 * A kind's form as its page shows it: its description, with the directory's options for the fields that take
 * theirs from it; `initial` chooses some before the visitor does (an option's own page). A kind members forward to
 * member co-ops shows, once sent in place, the co-ops that match (filled from the answer by the browser script).
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
  return (
    <EnquiryForm
      form={formOf(kind)}
      state={state}
      choices={choicesFor(kind)}
      initial={initial}
      thanksExtra={kind.site.forwardable ? <MatchList level={4} /> : undefined}
    />
  );
}

/**
 * A kind's form on its page, after the page's text: the kind's note first, when it has one, saying what the form is
 * for beside the text it follows.
 */
export function KindPageForm({
  kind,
  initial,
}: {
  kind: KindDescription;
  initial?: Readonly<Record<string, unknown>>;
}) {
  return (
    <>
      {kind.site.note && <p className="mt-6 border-l-4 border-brand bg-brand-light px-4 py-3">{kind.site.note}</p>}
      <KindForm kind={kind} initial={initial} />
    </>
  );
}
