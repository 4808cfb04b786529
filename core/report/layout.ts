// SegmentResult → ReportLayout: the sheets, blocks, formats and colour rules every surface writes.
// Content is decided here once; the Excel, Sheets and XLSX writers only transcribe it.

import { lossesSheet } from './losses-sheet';
import { MARKER } from './marker';
import { migrationSheet } from './migration-sheet';
import { reportSheet } from './report-sheet';
import { skippedSheet } from './skipped-sheet';
import { winBackSheet } from './winback-sheet';
import type { LayoutSheet, ReportLayout } from './layout-types';
import type { SegmentResult } from '../result/types';

export { MARKER } from './marker';
export { PALETTE } from './palette';
export { needsTextGuard } from './text-guard';
export { customerColumns } from './customer-columns';

/** Build the report layout of a segmentation result. */
export function buildLayout(result: SegmentResult): ReportLayout {
  const sheets: LayoutSheet[] = [reportSheet(result), winBackSheet(result)];
  // how the portfolio changes (SPEC §7, §8): only with dates, and when not turned off
  if (result.dynamics.length > 0) sheets.push(lossesSheet(result));
  const migration = migrationSheet(result);
  if (migration) sheets.push(migration);
  if (result.skipped.length > 0) sheets.push(skippedSheet(result));
  return { marker: { ...MARKER }, sheets };
}
