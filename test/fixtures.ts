// Shared test data: a small ledger with formula-like names, a steady buyer, a lost key account and
// two bad rows, used by the layout and XLSX tests.
import type { RawCell } from '../core';

export const REPORT_ROWS: RawCell[][] = [
  ['Customer', 'Date', 'Amount', 'Profit'],
  ['=HYPERLINK("http://x","y")', '2024-01-10', 5000, 900],
  ['=HYPERLINK("http://x","y")', '2024-03-10', 5000, 900],
  ['+1', '2024-01-10', 300, 30],
  ['-1', '2024-02-10', 200, 20],
  ['@SUM(A1)', '2024-01-10', 100, 10],
  ['Steady Ltd', '2024-01-05', 900, 90],
  ['Steady Ltd', '2024-02-05', 900, 90],
  ['Steady Ltd', '2024-03-05', 900, 90],
  ['Steady Ltd', '2024-04-05', 900, 90],
  ['Gone Ltd', '2023-01-05', 4000, 400],
  ['Gone Ltd', '2023-02-05', 4000, 400],
  ['', '2024-01-01', 5, 1],
  ['Broken', 'soon', 5, 1],
];
