// The used rows of a long table live in recycled buffers (basics/scratch.ts). They are handed back
// by the analysis that read them, once it is done with them — not by the aggregation — so one read
// ledger can be aggregated for several windows first.

import { giveBack } from '../basics/scratch';
import type { ReadResult } from './read-types';

/** Hand the rows' buffers back for the next run; `read` must not be used afterwards. */
export function releaseRows(read: ReadResult): void {
  const d = read.data;
  if (d.kind !== 'long') return;
  giveBack('rows.cust', d.cust);
  giveBack('rows.day', d.day);
  giveBack('rows.amount', d.amount);
  giveBack('rows.profit', d.profit);
}
