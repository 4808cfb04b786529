// The one percent rule. Everywhere an analyst types a threshold or a share — the command line,
// the option text of the custom functions, the task pane, the sidebar — the number typed is a
// percentage: "80", "80%", " 80 % " and "80,5" (a decimal comma) mean 80 % and 80.5 %, handed to
// the core as the fractions 0.8 and 0.805. The core shows a fraction back as the same percentage.
// No imports: this file is safe for any bundle.

/**
 * A number as typed, or null when it is not one. Blanks around it and one trailing "%" are
 * ignored; a single comma with one, two or four and more digits after it is a decimal comma
 * ("80,5"). A comma followed by exactly three digits ("1,000") could as well be a thousands
 * separator, so it is not read at all rather than read wrongly.
 */
export function numberFromText(typed: string): number | null {
  let s = String(typed).trim().replace(/\s*%$/, '');
  if (s === '') return null;
  const comma = /^([+-]?\d*),(\d+)$/.exec(s);
  if (comma) {
    if (comma[2].length === 3) return null;
    s = `${comma[1]}.${comma[2]}`;
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A typed percentage as a fraction: "80" → 0.8, "7,5 %" → 0.075; null when not a number. */
export function percentToFraction(typed: string): number | null {
  const n = numberFromText(typed);
  return n === null ? null : n / 100;
}

/** A fraction as the percentage shown and typed: 0.8 → "80", 0.075 → "7.5" (at most 6 decimals). */
export function fractionToPercent(fraction: number): string {
  return `${+(fraction * 100).toFixed(6)}`;
}

/**
 * A percent argument of a custom function, as the spreadsheet hands it over. Text follows the
 * rule above. A number is what the cell holds: a cell formatted as a percentage shows 80 % and
 * holds 0.8, so a number up to 1 is taken as that fraction and a larger one as a percentage
 * (80 → 0.8). Blank → undefined (the default); anything else that is not a number → null.
 */
export function percentFromCell(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? (value > 1 ? value / 100 : value) : null;
  if (typeof value !== 'string') return null;
  if (value.trim() === '') return undefined;
  return percentToFraction(value);
}
