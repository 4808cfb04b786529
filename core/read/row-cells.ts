// Small questions asked of a row or of the column mapping by every reader.

import { isBlank } from './values';
import type { ColumnMapping, ColumnRole, RawCell } from '../types';

export const EMPTY_ROW: readonly RawCell[] = [];

export function columnOf(mapping: ColumnMapping[], role: ColumnRole): number {
  return mapping.find((m) => m.role === role)?.index ?? -1;
}

export function rowIsBlank(row: readonly RawCell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}
