// How the plausibility warnings name rows and values: the first few, then "…".

/** "3, 4, 7, 9, 12 …": sheet row numbers, the first `max` of them. */
export function rowList(rows: readonly number[], max = 5): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const shown = sorted.slice(0, max).join(', ');
  return sorted.length > max ? `${shown} …` : shown;
}

/** `"Payment" 12, "Receipt" 3`: values with their row counts, most frequent first. */
export function countList(counts: ReadonlyMap<string, number>, max = 4): string {
  const items = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = items.slice(0, max).map(([v, n]) => `"${v}" ${n}`).join(', ');
  return items.length > max ? `${shown} …` : shown;
}

/** Two amounts are the same when they agree to a hundredth of a cent (text and typed cells, sums of lines). */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 5e-5 + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
