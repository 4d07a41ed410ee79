import type { ReactNode } from 'react';

/** One column of a DataTable: its header, what each row shows in it, and whether the rows come in its order. */
export type Column<Row> = {
  /** The column's header, which also labels each of its cells when the table is stacked. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** The column that names each row: its cells are row headers (`<th scope="row">`). */
  rowHeader?: boolean;
  /**
   * The order the rows come in, when it is this column's (the query sorts them; the table only says so, with
   * aria-sort on the column's header).
   */
  sorted?: 'ascending' | 'descending';
  /** Classes for the column's cells, such as `whitespace-nowrap`. */
  className?: string;
};

const cellClass =
  'py-2 pr-4 last:pr-0 max-md:block max-md:py-0.5 max-md:pr-0 max-md:wrap-break-word max-md:empty:hidden ' +
  'max-md:before:font-semibold max-md:before:content-[attr(data-label)_":_"]';

/**
 * The tables of the admin and account pages, each column described once. On wide screens a plain table; below the
 * `md` breakpoint each row stacks into a card whose cells are labelled with their column's header (`data-label`,
 * shown by CSS as "Header: "), so a phone never scrolls sideways. The header row is then only visually hidden: the
 * cells keep their headers for screen readers. No explicit ARIA roles restate the table's for browsers that drop
 * a table's semantics when CSS changes its display: HTML forbids them on a table's rows and cells.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  /** Names the table for screen readers (it is visually hidden: the page's heading says what the table is). */
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm max-md:block">
        <caption className="sr-only">{caption}</caption>
        <thead className="max-md:sr-only">
          <tr className="border-b border-line">
            {columns.map((column) => (
              <th key={column.header} scope="col" aria-sort={column.sorted} className="py-2 pr-4 last:pr-0">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-md:block">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-line align-top max-md:block max-md:py-2">
              {columns.map((column) => {
                const className = [cellClass, column.rowHeader && 'font-normal', column.className]
                  .filter(Boolean)
                  .join(' ');
                const shared = { 'data-label': column.header, className };
                return column.rowHeader ? (
                  <th key={column.header} scope="row" {...shared}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} {...shared}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
