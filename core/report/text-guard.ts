// Cells that a spreadsheet would read as a formula (or a DDE payload) unless written as text.

/**
 * Strings a spreadsheet would read as a formula (or a DDE payload) unless written as text: a
 * formula character first, or any control character first — tab and CR as SPEC §6 says, and NUL,
 * ESC, the other C0 controls, DEL and the C1 controls too: a writer or host that drops them
 * (ExcelJS strips NUL and ESC; spreadsheets strip or act on them in a CSV) would otherwise leave
 * "=cmd" unguarded at the start of the cell. The one rule for the report and the CSV output.
 */
export function needsTextGuard(v: unknown): boolean {
  if (typeof v !== 'string' || v.length === 0) return false;
  const c = v.charCodeAt(0);
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || '=+-@'.includes(v[0]);
}
