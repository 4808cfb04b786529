// Types of scripts/gen-ledger.mjs for the TypeScript tests that import it.

export interface LedgerOptions {
  /** Number of data lines (exact). Default 10,000. */
  rows?: number;
  /** Number of customers (exact, at most rows); null or absent: as many as the lines need. */
  customers?: number | null;
  /** PRNG seed (a whole number). Default 1. */
  seed?: number;
  /** First day of the window, YYYY-MM-DD. Default 2023-01-01. */
  start?: string;
  /** Window length in calendar months. Default 24. */
  months?: number;
  /** Probability that a line is a return of an earlier line. Default 0.03. */
  returnRate?: number;
  /** Write a profit column. Default true. */
  profit?: boolean;
}

export type CustomerKind = 'key' | 'subscription' | 'weekly' | 'monthly' | 'sporadic' | 'one-off';

export interface Ledger {
  header: string[];
  /** customer, ISO date, amount in cents, profit in cents (null without a profit column), in date order. */
  rows: [customer: string, date: string, amountCents: number, profitCents: number | null][];
  /** Each customer's generating profile: kind, active days, number of lines. */
  customers: { customer: string; kind: CustomerKind; from: string; to: string; lines: number }[];
  window: { from: string; to: string };
}

export const DEFAULTS: Readonly<Required<Omit<LedgerOptions, 'customers'>> & { customers: null }>;
export function generateLedger(options?: LedgerOptions): Ledger;
export function ledgerCsv(options?: LedgerOptions): string;
export function writeLedger(file: string, options?: LedgerOptions): string;
export function parseArgs(argv: string[]): { help: true } | { options: LedgerOptions; out: string };
