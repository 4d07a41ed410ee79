import { CopyButton } from '@/components/admin/copy-button';
import { PermalinkForm } from '@/components/admin/permalink-form';
import { Field, textControl } from '@/components/field';
import { approveAction, declineAction, startDecisionAction } from '@/lib/admin/membership-actions';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { formatReceived } from '@/lib/format';
import { approvalSteps, stepsDone, type ApprovalStep, type Decision } from '@/lib/membership/decision';
import {
  coopPageUrl,
  declineDraft,
  decisionProblems,
  isDecisionProblem,
  proposalText,
  slugFor,
} from '@/lib/membership/text';
import { proposalStatus } from '@/lib/proposals/status';
import type { Proposal } from '@/lib/proposals/store';

const button = 'rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand';
const notices: Readonly<Record<string, string>> = {
  started: 'The members’ decision is started: its Loomio proposal is linked below.',
  approved: 'Recorded as approved. Each step is listed below as it completes.',
  declined: 'Recorded as declined, and the reply is on its way to the co-op.',
};

type Props = {
  enquiry: StoredEnquiry;
  decision: Decision | undefined;
  proposal: Proposal | undefined;
  /** The content repository's project page, for the entry's merge request. */
  project: string | undefined;
  /** `?decision=`: what the last decision form did, or the code of what stopped it. */
  said: string | undefined;
};

/** The address of the entry an approval proposes, under the co-op pages' path. */
function SlugField({ defaultValue }: { defaultValue: string }) {
  return (
    <Field htmlFor="slug" label="Address of its entry (content/coops/ADDRESS.md, the page /co-op/ADDRESS)">
      <input id="slug" name="slug" required defaultValue={defaultValue} className={textControl} />
    </Field>
  );
}

/** Each step of an approval, done, failed (with why) or still to do, and the entry's proposal as it goes. */
function Steps({ decision, proposal, project }: Pick<Props, 'decision' | 'proposal' | 'project'>) {
  const done = stepsDone(decision, proposal);
  const status = proposal && proposalStatus(proposal, 'admin', { project });
  return (
    <ol aria-label="Steps after the approval" className="list-decimal space-y-2 pl-6">
      {(Object.keys(approvalSteps) as ApprovalStep[]).map((step) => (
        <li key={step}>
          <strong>{approvalSteps[step]}</strong>: {done[step] ? 'done' : 'not done yet'}
          {step === 'entry' && decision?.slug && (
            <>
              {' '}
              (<code>content/coops/{decision.slug}.md</code>, to be published at {coopPageUrl(decision.slug)})
            </>
          )}
          {step === 'entry' && status && (
            <span className="block">
              The proposal: {status.words}. {status.next}{' '}
              {status.link && <a href={status.link.href}>{status.link.text}</a>}
            </span>
          )}
          {step === 'welcome' && decision?.welcomedAt && ` (queued ${formatReceived(decision.welcomedAt)})`}
        </li>
      ))}
    </ol>
  );
}

/**
 * The members' decision on a join enquiry (lib/membership): start it on Loomio with a prepared proposal, then
 * record it approved (which adds the co-op's entry, links its contact and welcomes them, step by step) or declined
 * (with a reply the member writes from a draft). Every form works without JavaScript; the copy button comes with it.
 */
export function MembershipDecision({ enquiry, decision, proposal, project, said }: Props) {
  const permalink = `/admin/enquiries/${enquiry.id}`;
  const open = enquiry.status === 'new' || enquiry.status === 'in-discussion';
  const done = stepsDone(decision, proposal);
  const unfinished = enquiry.status === 'approved' && Object.values(done).some((step) => !step);
  return (
    <section
      id="decision"
      aria-labelledby="decision-heading"
      className="space-y-4 rounded border border-line bg-white p-6"
    >
      <h2 id="decision-heading" className="text-xl font-bold">
        The members&rsquo; decision
      </h2>
      {isDecisionProblem(said) && (
        <p role="alert" className="font-semibold text-brand-dark">
          {decisionProblems[said]} Nothing was changed.
        </p>
      )}
      {said && notices[said] && <p className="font-semibold">{notices[said]}</p>}
      {decision?.loomioUrl && (
        <p>
          Proposed to the members on Loomio: <a href={decision.loomioUrl}>{decision.loomioUrl}</a>
        </p>
      )}
      {open && (
        <PermalinkForm action={startDecisionAction} permalink={permalink} className="space-y-3">
          <input type="hidden" name="id" value={enquiry.id} />
          <Field htmlFor="proposal-text" label="The proposal, prepared from the enquiry, to paste into Loomio">
            <textarea
              id="proposal-text"
              readOnly
              rows={14}
              defaultValue={proposalText(enquiry)}
              className={`${textControl} font-mono text-sm`}
            />
          </Field>
          <p>
            <CopyButton target="proposal-text" label="Copy the proposal" />
          </p>
          <Field htmlFor="loomio" label="Link of the Loomio proposal (https://…)">
            <input
              id="loomio"
              name="loomio"
              type="url"
              required
              defaultValue={decision?.loomioUrl ?? ''}
              className={textControl}
            />
          </Field>
          <button type="submit" className={button}>
            {decision?.loomioUrl ? 'Save the link' : 'Start the members’ decision'}
          </button>
        </PermalinkForm>
      )}
      {enquiry.status === 'in-discussion' && (
        <>
          <PermalinkForm
            action={approveAction}
            permalink={permalink}
            className="space-y-3"
            aria-labelledby="approve-heading"
          >
            <h3 id="approve-heading" className="font-semibold">
              Approved
            </h3>
            <p>
              Proposes the co-op&rsquo;s entry (its name, website, town and the day it joined) to the editors, links{' '}
              {enquiry.contactName} as its contact, and mails them a welcome.
            </p>
            <input type="hidden" name="id" value={enquiry.id} />
            <SlugField defaultValue={slugFor(enquiry.coopName)} />
            <button type="submit" className={button}>
              Record the approval
            </button>
          </PermalinkForm>
          <PermalinkForm
            action={declineAction}
            permalink={permalink}
            className="space-y-3"
            aria-labelledby="decline-heading"
          >
            <h3 id="decline-heading" className="font-semibold">
              Declined
            </h3>
            <input type="hidden" name="id" value={enquiry.id} />
            <Field htmlFor="reply" label="Reply to the co-op: edit it, then send it with the decision">
              <textarea
                id="reply"
                name="reply"
                rows={12}
                required
                defaultValue={declineDraft(enquiry)}
                className={textControl}
              />
            </Field>
            <button type="submit" className={button}>
              Record the decline and send the reply
            </button>
          </PermalinkForm>
        </>
      )}
      {enquiry.status === 'approved' && (
        <>
          <p>The members approved the co-op joining.</p>
          <Steps decision={decision} proposal={proposal} project={project} />
          {decision?.lastError && (
            <p role="alert" className="font-semibold text-brand-dark">
              Last try: {decision.lastError}
            </p>
          )}
          {unfinished && (
            <PermalinkForm action={approveAction} permalink={permalink} className="space-y-3">
              <input type="hidden" name="id" value={enquiry.id} />
              {done.entry ? (
                <input type="hidden" name="slug" value={decision?.slug ?? ''} />
              ) : (
                <SlugField defaultValue={decision?.slug ?? slugFor(enquiry.coopName)} />
              )}
              <button type="submit" className={button}>
                Retry the steps not done
              </button>
            </PermalinkForm>
          )}
        </>
      )}
      {enquiry.status === 'declined' && (
        <p>
          The members declined.
          {decision?.repliedAt &&
            ` The reply to the co-op went to the mail queue on ${formatReceived(decision.repliedAt)}.`}
        </p>
      )}
      {enquiry.status === 'withdrawn' && <p>The co-op withdrew its enquiry.</p>}
    </section>
  );
}
