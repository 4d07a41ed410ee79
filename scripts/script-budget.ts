// How much script a first visit to a page may download, gzipped, and the check e2e/budget.spec.ts makes against it.
// The budgets sit at what the pages ship, with a little room, so that a change that adds script fails here and
// says so, rather than passing under a ceiling ten times too high.

/** The budgets in kB (1,000 bytes) of gzipped script, per kind of page. */
export const scriptBudgets = {
  /** Pages of content ship no script at all: the build strips the React runtime (scripts/strip-runtime.ts). */
  content: 0,
  /**
   * /members loads its filter (member-filter.js) and nothing else: measured at 1,123 bytes gzip, the budget is that
   * rounded up to the next tenth of a kB, so the filter may change by a line or two, not take on a library (hiding
   * the map's dots with the cards took it to 1,179).
   */
  memberFilter: 1.2,
  /**
   * A co-op's page loads coop-confirmation.js, which asks the site whether its people confirmed the entry since the
   * page was built (lib/coops/confirmations.ts): a fetch and a date, with little room.
   */
  coopPage: 1,
  /** /join and /hire load their form's script with zod/mini: measured at 13.5 and 11.2 kB gzip in Chromium. */
  form: 15,
} as const;

/** One script file a page downloaded, by its path, and its size gzipped, in bytes. */
export type ScriptDownload = { file: string; gzipBytes: number };

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** What a page downloaded, for a report: `1.1 kB (/scripts/member-filter.js 1.1)`. */
export function describeScripts(scripts: readonly ScriptDownload[]): string {
  const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
  const files = scripts.map((script) => `${script.file} ${kB(script.gzipBytes)}`).join(', ');
  return `${kB(total)} kB${files && ` (${files})`}`;
}

/**
 * Why a page's scripts are over its budget, naming the page, what it downloaded and the budget; undefined when
 * they keep to it. Compared in bytes: a budget of 0 allows no script at all, not one that rounds to 0.0 kB.
 */
export function overBudget(page: string, scripts: readonly ScriptDownload[], budgetKb: number): string | undefined {
  const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
  if (total <= budgetKb * 1000) return undefined;
  return `${page} downloads ${describeScripts(scripts)} of script, gzipped: over its budget of ${budgetKb} kB`;
}
