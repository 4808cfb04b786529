// Public API of the core: everything the Excel add-in, the Sheets add-on and the CLI use.
// The stages, in the order data flows: read → aggregate → rules → analyses → result → report.
export * from './types';
export * from './result/types';
export * from './report/layout-types';
export { segment, createSegmenter, segmentRead, SEGMENTS, type Segmenter } from './analyses/segment';
export { customersOf, firstKeyAccounts, forbidCompiledReaders, type CustomerList } from './result/customer-list';
export { CUSTOMER_FIELDS, JSON_FIELDS, type CustomerField, type FieldName } from './result/customer-fields';
export { classifyAbc, rankOrder } from './rules/abc';
export { classifyXyz, classifyCv, classifyFrequency, seriesCv } from './rules/xyz';
export { resolveOptions, parseOptionText, setOptionFromText, OPTION_TEXT, COLUMN_ROLES, optionName } from './options';
export { AbcxyzError, t, setLanguage, type MessageKey } from './messages';
export { isoFromDay, serialFromDay, dayFromSerial, dayFromCivil, civilFromDay, parseIsoDay, OFFSET_1904 } from './basics/dates';
export { columnLetter, mapColumns as detectColumns, NOT_USED } from './read/headers';
export {
  buildLayout, customerColumns, needsTextGuard, PALETTE, MARKER, markerValue,
  EXCEL_LIMITS, SHEETS_LIMITS, XLSX_LIMITS, cutText, freeSheetName, hostCells, textRoom, validSheetName, type ReportLimits,
} from './report/layout';
export { portfolioLines, fellFromA } from './report/summary-lines';
export { portfolioJson } from './result/portfolio-json';
export { segmentTable, matrixTable, abcColumn, xyzColumn, lossesTable, migrationTable, pAliveTable, type FunctionValue, type FunctionLimits } from './functions';
export { bgnbdModel, expectedPurchases, pAlive, type BgnbdParameters, type BgnbdParams, type DayHistories } from './analyses/bgnbd';
