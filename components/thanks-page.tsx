/* eslint-disable @next/next/no-html-link-for-pages -- the thanks is also rendered to a string for the thanks page
   with a reference (./route-page.tsx), where next/link cannot render; public pages' links are plain links anyway. */
import type { KindDescription } from '@/lib/enquiry-kinds/kind';
import type { ClientMatches } from '@/lib/hire/client-matches';
import { site } from '@/lib/site';
import { MatchList } from './hire/match-list';
import { type PageFrame, routePage } from './route-page';

/**
 * The thanks for an enquiry of `kind` without its reference: the prerendered /PAGE/thanks, in the app's layout,
 * which nothing the site sends leads to any more but which may be bookmarked.
 */
export function ThanksPage({ kind }: { kind: KindDescription }) {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{kind.form.thanks.heading}</h1>
      <ThanksBody kind={kind} />
    </div>
  );
}

/**
 * Where a form post without JavaScript lands once its enquiry is stored (/PAGE/thanks/REFERENCE, post/redirect/get):
 * the thanks with its reference and, for a brief, the member co-ops that match what was asked, all from the page's
 * address (app/[slug]/thanks/[reference]/route.ts), so it shows nothing of the stored enquiry. Rendered without
 * any script, as the public pages are; not cached, not indexed.
 */
export function thanksPage(
  kind: KindDescription,
  reference: string,
  frame: PageFrame,
  matches?: ClientMatches,
): Promise<Response> {
  const body = <ThanksBody kind={kind} reference={reference} matches={matches} />;
  return routePage(kind.form.thanks.heading, body, frame, {
    headers: { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' },
  });
}

/** An enquiry's reference as its sender is given it; rendered hidden and empty for the thanks in place to fill. */
export function ReferenceLine({ reference }: { reference?: string }) {
  return (
    <p data-reference hidden={!reference}>
      Your reference is <strong className="font-mono text-lg">{reference}</strong>: quote it if you write to us.
    </p>
  );
}

function ThanksBody({
  kind,
  reference,
  matches,
}: {
  kind: KindDescription;
  reference?: string;
  matches?: ClientMatches;
}) {
  const { body, next } = kind.form.thanks;
  return (
    <>
      <p>{body}</p>
      {reference && <ReferenceLine reference={reference} />}
      {matches && <MatchList matches={matches} level={2} />}
      <p>
        Questions in the meantime? Email <a href={`mailto:${site.email}`}>{site.email}</a> or ask on{' '}
        <a href={site.forum}>our community forum</a>.
      </p>
      <p>
        {next && (
          <>
            <a href={next.href}>{next.label}</a> or go{' '}
          </>
        )}
        <a href="/">{next ? 'back to the home page' : 'Back to the home page'}</a>
        {next && '.'}
      </p>
    </>
  );
}
