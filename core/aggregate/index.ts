// Aggregate stage: read rows → per-customer aggregates, for long or wide input.

import { aggregateLong } from './aggregate-long';
import { aggregateWide } from './aggregate-wide';
import type { Aggregates } from './aggregates';
import type { LongData, WideData } from '../read/read-types';
import type { SegmentOptions } from '../types';

export type { Aggregates } from './aggregates';

/** Aggregates of `customers` customers. Leaves the read rows as they are, so they can be aggregated again. */
export function aggregate(data: LongData | WideData, customers: number, o: SegmentOptions): Aggregates {
  return data.kind === 'long' ? aggregateLong(data, customers, o) : aggregateWide(data, customers, o);
}
