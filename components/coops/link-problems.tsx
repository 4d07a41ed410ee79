import type { LinkProblem } from '@/lib/links/store';

/**
 * A checked link's problem in words: where it moved, how it is broken and for how many checks, or that it led to a
 * private address (with its host when the viewer is an admin).
 */
function describeProblem(link: LinkProblem): string {
  if (link.problem === 'moved') return `moved to ${link.finalUrl}`;
  if (link.problem === 'private') return link.privateHost ? `${link.error} (${link.privateHost})` : `${link.error}`;
  const what = link.error ?? `answered ${link.status}`;
  return `broken (${what}), ${link.brokenRuns} check${link.brokenRuns === 1 ? '' : 's'} in a row`;
}

/**
 * A co-op's broken and moved links (lib/links/store.ts): on the admins' list of entries by age and on the co-op's
 * page in its people's account area.
 */
export function LinkProblemList({ links }: { links: readonly LinkProblem[] }) {
  if (links.length === 0) return <p>No problems found.</p>;
  return (
    <ul className="space-y-1">
      {links.map((link) => (
        <li key={link.url} className="break-all">
          <a href={link.url}>{link.url}</a>: {describeProblem(link)}
        </li>
      ))}
    </ul>
  );
}
