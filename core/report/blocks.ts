// Blocks of values on a sheet and where they go. A block is placed relative to the blocks already
// there (below them, or to the right of one), so a new block or chart does not mean re-working
// hand-computed row offsets.

import { needsTextGuard } from './text-guard';
import type { CellRange, FormatKind, LayoutBlock, LayoutValue } from './layout-types';

export interface Place { row: number; col: number }

export interface BlockOptions { header?: boolean; table?: string | null; bold?: [number, number][] }

export function block(id: string, at: Place, values: LayoutValue[][], formats: FormatKind[], opts: BlockOptions = {}): LayoutBlock {
  const guarded: [number, number][] = [];
  values.forEach((r, i) => r.forEach((v, j) => { if (needsTextGuard(v)) guarded.push([i, j]); }));
  return { id, row: at.row, col: at.col, values, formats, header: opts.header ?? false, guarded, table: opts.table ?? null, bold: opts.bold ?? [] };
}

const heightOf = (b: LayoutBlock) => b.values.length;
const widthOf = (b: LayoutBlock) => b.values[0]?.length ?? 0;

/** The place `gap` empty rows below the lowest of `blocks`, at column `col`. */
export function below(blocks: readonly LayoutBlock[], gap: number, col = 0): Place {
  let row = 0;
  for (const b of blocks) row = Math.max(row, b.row + heightOf(b));
  return { row: row + gap, col };
}

/** The place `gap` empty columns to the right of `b`, on its top row. */
export function rightOf(b: LayoutBlock, gap: number): Place {
  return { row: b.row, col: b.col + widthOf(b) + gap };
}

/**
 * The cells below a block's header row in column `col` of the block (at least one row, so a rule
 * on an empty table still has a range).
 */
export function bodyColumn(b: LayoutBlock, col: number, cols = 1): CellRange {
  return { row: b.row + 1, col: b.col + col, rows: Math.max(heightOf(b) - 1, 1), cols };
}

/** The header row's cells from column `col` of the block. */
export function headerCells(b: LayoutBlock, col: number, cols: number): CellRange {
  return { row: b.row, col: b.col + col, rows: 1, cols };
}

/** Used range of a sheet's blocks. */
export function extentOf(blocks: readonly LayoutBlock[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const b of blocks) {
    rows = Math.max(rows, b.row + heightOf(b));
    cols = Math.max(cols, b.col + widthOf(b));
  }
  return { rows, cols };
}
