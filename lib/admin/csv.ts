/**
 * One CSV cell, quoted. A cell a spreadsheet would run as a formula (starting = + - @, or a tab or carriage
 * return) gets a leading apostrophe, so text an applicant typed can never execute on a member's computer.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
