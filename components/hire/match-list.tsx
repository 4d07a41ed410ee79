import { networkNote, type ClientMatches, type MatchCard } from '@/lib/hire/client-matches';

const cardClass = 'rounded border border-line bg-white px-4 py-3';
const linesClass = 'mt-1 list-disc space-y-0.5 pl-5 text-sm';

/**
 * The member co-ops that match a client's brief (lib/hire/client-matches.ts), shown once it is sent: on the thanks
 * page, rendered here; in the form's thanks in place, filled by its browser script from the JSON answer. For the
 * script this renders the list hidden and empty, with a card as a `<template>` of the same markup, so both show the
 * same cards. `level` is the heading's: under the thanks page's h1, or under the in-place thanks' h3.
 */
export function MatchList({ matches, level }: { matches?: ClientMatches; level: 2 | 4 }) {
  const Heading = level === 2 ? 'h2' : 'h4';
  return (
    <section aria-labelledby="matches-heading" hidden={!matches} data-matches className="mt-6 space-y-3">
      <Heading id="matches-heading" data-heading className="text-xl font-bold">
        {/* The script says which heading; one is here so the hidden list is never an empty heading. */}
        {matches?.heading ?? 'Member co-ops that match your brief'}
      </Heading>
      <p data-intro>{matches?.intro}</p>
      <ul data-cards className="grid gap-3 sm:grid-cols-2">
        {matches?.cards.map((card) => (
          <li key={card.slug} className={cardClass}>
            <Card card={card} />
          </li>
        ))}
      </ul>
      <p>{networkNote}</p>
      {!matches && (
        <template data-card>
          <li className={cardClass}>
            <Card />
          </li>
        </template>
      )}
    </section>
  );
}

/**
 * A co-op's name, linking to its page (a plain link: this is also rendered to a string, components/route-page.tsx),
 * and why it is shown, a line each; empty in the script's template.
 */
function Card({ card }: { card?: MatchCard }) {
  return (
    <>
      <p className="font-semibold">
        <a href={card?.url}>{card?.name}</a>
      </p>
      <ul data-lines className={linesClass}>
        {card?.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
