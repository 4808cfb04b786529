/// <reference types="office-js" />
// "Segment customers": read the transactions, run the core, write the report. The glue between
// the Excel reader and writer and the core; everything it decides is about Excel, not segmentation.

import { EXCEL_LIMITS, buildLayout, columnLetter, detectColumns, segment, t, type PartialOptions, type SegmentResult } from '../core';
import { readSource, type SourceData } from './read-source';
import { writeLayout, type WriteReport } from './write-layout';

export type Phase = 'reading' | 'computing' | 'writing' | 'done';

export interface RunOutcome {
  result: SegmentResult;
  source: SourceData;
  written: WriteReport;
  /** What the task pane lists: what the report left out to fit Excel's grid, then the run's warnings. */
  warnings: string[];
  syncs: number;
}

export interface RunOptions {
  onPhase?: (phase: Phase) => void | Promise<void>;
  regionSupported?: boolean;
  /** ExcelApi 1.9: the AutoFilter can say whether it hides rows. */
  filterSupported?: boolean;
  requestBudget?: number;
}

/**
 * When the headers name no date column and the analyst mapped none, a column Excel formats as dates
 * is the date column: the number format is what tells a serial from an amount.
 */
export function withDateColumn(source: SourceData, options: PartialOptions): PartialOptions {
  if (options.columns?.date || !source.dateColumns.length || !source.grid.length) return options;
  const detected = detectColumns(source.grid[0], options.columns ?? {});
  if (detected.mapping.some((m) => m.role === 'date')) return options;
  const free = source.dateColumns.find((j) => !detected.mapping.some((m) => m.index === j));
  if (free === undefined) return options;
  return { ...options, columns: { ...options.columns, date: columnLetter(free) } };
}

export async function segmentWorkbook(context: Excel.RequestContext, options: PartialOptions, run: RunOptions = {}): Promise<RunOutcome> {
  await run.onPhase?.('reading');
  const source = await readSource(context, { probe: true, regionSupported: run.regionSupported, filterSupported: run.filterSupported });
  await run.onPhase?.('computing');
  const effective: PartialOptions = {
    ...withDateColumn(source, options),
    date1904: source.date1904,
    // skipped rows are reported with the row numbers the analyst sees on the sheet
    firstRow: source.rect.row + 1,
  };
  const result = segment(source.grid, effective);
  // a filter is a view: the rows it hides are in the sheet and were read (README, "Hidden rows")
  if (source.hiddenRows > 0) {
    result.warnings.unshift(t(source.filtered ? 'read.hiddenRows.selection.filter' : 'read.hiddenRows.selection', { count: source.hiddenRows, sheet: source.sheetName }));
  }
  // shortened here, not by an Excel error half-way, when the report is larger than a sheet holds
  const layout = buildLayout(result, EXCEL_LIMITS);
  await run.onPhase?.('writing');
  const written = await writeLayout(context, layout, { probe: source.probe ?? undefined, date1904: source.date1904, requestBudget: run.requestBudget });
  await run.onPhase?.('done');
  return { result, source, written, warnings: [...layout.warnings, ...result.warnings], syncs: source.syncs + written.syncs };
}
