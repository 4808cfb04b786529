// SegmentResult → ReportLayout: the sheets, blocks, formats and colour rules every surface writes.
// Content is decided here once; the Excel, Sheets and XLSX writers only transcribe it. What the
// host cannot hold (rows, columns, cells, characters) is shortened here too, by the host's limits.

import { t } from '../messages';
import { fitPlan, skippedColumns, type FitPlan, type SheetShape } from './fit';
import { MARKER } from './marker';
import { cutText, textRoom, validSheetName, XLSX_LIMITS, type ReportLimits } from './limits';
import { shownWarnings } from './parameters';
import { reportSheet } from './report-sheet';
import { skippedSheet, skippedWidth } from './skipped-sheet';
import { winBackSheet } from './winback-sheet';
import type { LayoutSheet, ReportLayout } from './layout-types';
import type { SegmentResult } from '../result/types';

export { MARKER, markerValue } from './marker';
export { PALETTE } from './palette';
export { needsTextGuard } from './text-guard';
export { customerColumns } from './customer-columns';
export { EXCEL_LIMITS, SHEETS_LIMITS, XLSX_LIMITS, cutText, freeSheetName, hostCells, textRoom, validSheetName, type ReportLimits } from './limits';

interface Names { report: string; winBack: string; skipped: string }

/** The sheets without their tables' bodies, with `notes` in the parameters block (they move the customer table down). */
function shapes(r: SegmentResult, notes: readonly string[], names: Names, width: number): { report: SheetShape; winBack: SheetShape; skipped: SheetShape | null } {
  const none = { shown: 0, more: null };
  const report = reportSheet(r, none, notes, names.report);
  const customers = report.blocks.find((b) => b.id === 'customers')!;
  const winBack = winBackSheet(r, none, names.winBack);
  const skipped = r.skipped.length > 0 ? skippedSheet(r, none, width, names.skipped) : null;
  const shape = (s: LayoutSheet, base: number): SheetShape => ({ base, cols: s.extent.cols, freeze: s.freeze });
  return { report: shape(report, customers.row + 1), winBack: shape(winBack, 1), skipped: skipped ? shape(skipped, 1) : null };
}

/** Texts longer than a cell holds are cut, ending in "…". Returns how many were. */
function cutLongTexts(sheets: LayoutSheet[], room: number): number {
  let cut = 0;
  for (const sheet of sheets) {
    for (const b of sheet.blocks) {
      for (const row of b.values) {
        for (let j = 0; j < row.length; j++) {
          const v = row[j];
          if (typeof v === 'string' && v.length > room) { row[j] = cutText(v, room); cut++; }
        }
      }
    }
  }
  return cut;
}

/**
 * Build the report layout of a segmentation result, shortened where needed to what the host can
 * hold (`limits`; by default an .xlsx file's, which are Excel's). What was shortened is said in
 * the parameters block's warnings and in `layout.warnings`.
 */
export function buildLayout(result: SegmentResult, limits: ReportLimits = XLSX_LIMITS): ReportLayout {
  const names: Names = {
    report: validSheetName(t('sheet.report'), limits),
    winBack: validSheetName(t('sheet.winback'), limits),
    skipped: validSheetName(t('sheet.skipped'), limits),
  };
  const rawWidth = result.skipped.length > 0 ? skippedWidth(result) : 0;
  const width = skippedColumns(rawWidth, limits);
  const room = textRoom(limits);
  const warningRows = (notes: readonly string[]) => shownWarnings(notes.length ? [...notes, ...result.warnings] : result.warnings).length;
  let textsCut = false;
  for (;;) {
    // the notes move the customer table down, which can change what fits: settle them first
    const cutNote = textsCut ? [t('cap.warn.cut', { max: room })] : [];
    let notes: string[] = cutNote;
    let plan!: FitPlan;
    for (;;) {
      plan = fitPlan(result, limits, shapes(result, notes, names, width), names, rawWidth);
      const next = [...plan.warnings, ...cutNote];
      const settled = warningRows(next) === warningRows(notes);
      notes = next;
      if (settled) break;
    }
    const sheets: LayoutSheet[] = [reportSheet(result, plan.customers.cut, notes, names.report), winBackSheet(result, plan.winBack.cut, names.winBack)];
    if (plan.skipped) sheets.push(skippedSheet(result, plan.skipped.cut, width, names.skipped));
    const cut = cutLongTexts(sheets, room);
    if (cut > 0 && !textsCut) { textsCut = true; continue; }
    return { marker: { ...MARKER }, sheets, warnings: notes };
  }
}
