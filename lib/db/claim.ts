import 'server-only';
import { sql, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * `id in (the ids that \`due\` selects)`, with `due` run exactly once: for a queue's claim, where `due` is
 * `select id … order by … limit n for update skip locked` and the update sets a lease on what it locked.
 *
 * Written as `id in (select id from due)` with `due` as a plain subquery, the planner may make it the inner side of
 * a nested-loop semi-join and run it again for each row of the table, each run locking the next unlocked row, so a
 * limit of 1 claimed every due row. A MATERIALIZED common table expression is evaluated once per statement, by
 * definition rather than by the planner's choice, on PostgreSQL and PGlite alike. `due` must select one column named
 * `id`.
 */
export function inDueOnce(id: Column, due: SQLWrapper): SQL {
  return sql`${id} in (with due as materialized (${due}) select due.id from due)`;
}
