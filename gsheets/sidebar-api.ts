// The messages exchanged between the sidebar and the server functions (google.script.run).
// The client bundle imports this file too, so it must not pull in the core: besides types it
// reads only the option vocabulary, which imports nothing at run time.
// Everything here is plain JSON — google.script.run cannot carry Dates, functions or undefined.

import { FORM_FIELD_IDS, type FormFieldId } from '../core/options/vocabulary';

/** Roles the sidebar offers drop-downs for, in display order; the first four are always visible. */
export const MAPPED_ROLES = ['customer', 'date', 'amount', 'profit', 'quantity', 'price', 'image', 'expert', 'budget', 'need', 'solvency', 'authority', 'dimension'] as const;
export type MappedRole = (typeof MAPPED_ROLES)[number];

/**
 * Option names the sidebar sends: the fields of the shared option form, spelled as in the option
 * text ("metric=profit; a=70") — the same names the Excel task pane saves.
 */
export const SIDEBAR_OPTIONS: readonly SidebarOption[] = FORM_FIELD_IDS;
export type SidebarOption = FormFieldId;

/** What the analyst chose, as remembered per document. */
export interface SavedSettings {
  options: Partial<Record<SidebarOption, string>>;
  /** Further options in option-text syntax, e.g. "lost-days=90; new-days=120". */
  extra: string;
  /** Column chosen per role by its header text; null = "not used". Absent = recognised automatically. */
  columns: Partial<Record<MappedRole, string | null>>;
}

export interface ColumnChoice {
  /** 0-based index in the selected range. */
  index: number;
  /** Sheet column letter, e.g. "C". */
  letter: string;
  header: string;
}

export interface SelectionInfo {
  /** Sheet-qualified A1 address of the data the run will read, e.g. 'Sales 2024'!A1:D1001. */
  address: string;
  sheetName: string;
  /** Data rows below the header. */
  rows: number;
  columns: ColumnChoice[];
  /** Role → column index recognised from the headers (before the analyst's choices). */
  detected: Partial<Record<MappedRole, number>>;
  warnings: string[];
  saved: SavedSettings;
}

export interface RunRequest {
  address: string;
  options: Partial<Record<SidebarOption, string>>;
  extra: string;
  /** Role → column index in the range; null = "not used"; absent = automatic. */
  columns: Partial<Record<MappedRole, number | null>>;
}

export interface TopCustomer {
  customer: string;
  segment: string;
  share: number | null;
}

export interface RunSummary {
  reportSheet: string;
  winBackSheet: string;
  /** The Losses and Migration sheets (SPEC §7, §8), when the run wrote them. */
  lossesSheet: string | null;
  migrationSheet: string | null;
  skippedSheet: string | null;
  rowsRead: number;
  rowsUsed: number;
  rowsSkipped: number;
  customers: number;
  classified: number;
  keyAccounts: number;
  keyAccountShare: number;
  /** Customers per segment, AX … CZ. */
  matrix: Record<string, number>;
  warnings: string[];
  /** The first key accounts, for a glance in the sidebar. */
  top: TopCustomer[];
  winBack: number;
  /** "Lost this period: …" and "Fell from A: …", as the task pane shows them. */
  changes: string[];
  asOf: string | null;
  seconds: number;
}
