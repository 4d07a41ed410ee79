import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { linkChecks } from '@/lib/db/schema';
import { directory } from '@/lib/coops';
import { caseStudies } from '@/lib/work';
import { privateAddressError } from './address';
import { checkLink, isBroken, type CheckOptions } from './check';

/** A link broken in this many checks in a row is flagged on the admin list: one bad day is not enough. */
export const flagAfterRuns = 3;
/** Hosts checked at once; each host gets one request at a time. */
const hostsAtOnce = 4;

/** A link the site names and who names it: a co-op's website, or a case study's link (its co-ops'). */
export type NamedLink = { url: string; coops: readonly string[] };

/** Every link the directory and the case studies name, each once, with the co-ops it belongs to. */
export function siteLinks(): NamedLink[] {
  const byUrl = new Map<string, Set<string>>();
  const add = (url: string, coops: readonly string[]) => {
    const owners = byUrl.get(url) ?? new Set<string>();
    for (const coop of coops) owners.add(coop);
    byUrl.set(url, owners);
  };
  for (const coop of directory.coops) if (coop.website) add(coop.website, [coop.slug]);
  for (const caseStudy of caseStudies.all) for (const url of caseStudy.links ?? []) add(url, caseStudy.coops);
  return [...byUrl].map(([url, coops]) => ({ url, coops: [...coops] }));
}

export type LinkCheckRun = CheckOptions & {
  /** How long after its last check a link is checked again (`LINK_CHECK_DAYS`, a week by default). */
  intervalMs: number;
  links?: readonly NamedLink[];
};

/**
 * Checks every link whose last check is `intervalMs` old (or that was never checked), one request at a time per host
 * and a few hosts at once, and records each result: a broken one adds to its run of broken checks, a working one
 * ends it. `link_checks.checked_at` is the record of the last run, so a restart does not check again early.
 * Returns the addresses checked.
 */
export async function checkLinks(db: Database, now: Date, run: LinkCheckRun): Promise<string[]> {
  const { links = siteLinks(), intervalMs, ...options } = run;
  const urls = [...new Set(links.map(({ url }) => url))];
  if (urls.length === 0) return [];
  const previous = new Map(
    (await db.select().from(linkChecks).where(inArray(linkChecks.url, urls))).map((row) => [row.url, row]),
  );
  const due = urls.filter((url) => {
    const last = previous.get(url);
    return !last || now.getTime() - last.checkedAt.getTime() >= intervalMs;
  });
  const byHost = Map.groupBy(due, hostOf);
  const queues = [...byHost.values()];
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const url of queue) {
        const result = await checkLink(url, options);
        const brokenRuns = isBroken(result) ? (previous.get(url)?.brokenRuns ?? 0) + 1 : 0;
        const row = { ...result, brokenRuns, checkedAt: now };
        await db
          .insert(linkChecks)
          .values({ url, ...row })
          .onConflictDoUpdate({ target: linkChecks.url, set: row });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(hostsAtOnce, queues.length) }, worker));
  return due;
}

function normalise(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * A checked link that needs a look: broken (with how many checks in a row), moved to another address, or not checked
 * because it or a redirect led to a private address.
 */
export type LinkProblem = {
  url: string;
  problem: 'broken' | 'moved' | 'private';
  status: number | null;
  /** Where the redirects ended (a moved link's new address); never given for a private address. */
  finalUrl: string | null;
  error: string | null;
  brokenRuns: number;
  flagged: boolean;
  checkedAt: Date;
  /** The private address's host, for admins only: a co-op's people never see where their link led inside. */
  privateHost?: string;
};

/** Who is shown the problems: the admins see a private address's host, a co-op's people do not. */
export type ProblemAudience = 'admins' | 'coop';

/**
 * The links among `links` that need a look, from their last checks, as `audience` may see them; links not yet checked
 * are not listed.
 */
export async function linkProblems(
  db: Database,
  links: readonly string[],
  audience: ProblemAudience,
): Promise<LinkProblem[]> {
  if (links.length === 0) return [];
  const rows = await db
    .select()
    .from(linkChecks)
    .where(inArray(linkChecks.url, [...new Set(links)]));
  return rows.flatMap((row): LinkProblem[] => {
    const flagged = row.brokenRuns >= flagAfterRuns;
    if (row.error === privateAddressError) {
      const host = audience === 'admins' && row.finalUrl !== null ? hostOf(row.finalUrl) : undefined;
      return [
        { ...row, problem: 'private', finalUrl: null, flagged, ...(host !== undefined && { privateHost: host }) },
      ];
    }
    const broken = isBroken(row);
    // Compared as parsed addresses: `https://agile.coop` and `https://agile.coop/` are one address, not a move.
    const moved = !broken && row.finalUrl !== null && row.finalUrl !== normalise(row.url);
    if (!broken && !moved) return [];
    return [{ ...row, problem: broken ? 'broken' : 'moved', flagged }];
  });
}

/**
 * One co-op's broken and moved links, as its own people see them on their account pages: its website and the links
 * of the case studies it worked on.
 */
export async function coopLinkProblems(db: Database, slug: string, links = siteLinks()): Promise<LinkProblem[]> {
  return linkProblems(
    db,
    links.filter(({ coops }) => coops.includes(slug)).map(({ url }) => url),
    'coop',
  );
}
