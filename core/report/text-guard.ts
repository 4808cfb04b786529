// Cells that a spreadsheet would read as a formula (or a DDE payload) unless written as text.

/** Strings a spreadsheet would read as a formula (or a DDE payload) unless written as text. */
export function needsTextGuard(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && '=+-@\t\r'.includes(v[0]);
}
