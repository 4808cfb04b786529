// Blocks are placed relative to each other; the ranges of colour rules follow the blocks.
import { describe, expect, it } from 'vitest';
import { below, block, bodyColumn, extentOf, headerCells, rightOf } from '../../core/report/blocks';

const grid = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => 1));

describe('block placement', () => {
  const a = block('a', { row: 2, col: 1 }, grid(4, 2), ['integer', 'integer']);
  const b = block('b', rightOf(a, 1), grid(10, 3), ['integer', 'integer', 'integer'], { header: true });

  it('rightOf leaves the gap after the block, on its top row', () => {
    expect([b.row, b.col]).toEqual([2, 4]);
  });

  it('below starts the gap after the lowest block', () => {
    expect(below([a, b], 1)).toEqual({ row: 13, col: 0 });
    expect(below([a], 0, 5)).toEqual({ row: 6, col: 5 });
  });

  it('body and header ranges are where the block is', () => {
    expect(bodyColumn(b, 2)).toEqual({ row: 3, col: 6, rows: 9, cols: 1 });
    expect(headerCells(b, 1, 2)).toEqual({ row: 2, col: 5, rows: 1, cols: 2 });
    // an empty table (header only) still has a one-row body range for its rules
    expect(bodyColumn(block('e', { row: 0, col: 0 }, grid(1, 1), ['text']), 0).rows).toBe(1);
  });

  it('the extent covers every block', () => {
    expect(extentOf([a, b])).toEqual({ rows: 12, cols: 7 });
  });
});
