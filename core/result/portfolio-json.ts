// The JSON contract of §7 and §8 (issue 13): dynamics, lostCustomers, lossesBy and migration,
// with days as YYYY-MM-DD and "—" where there is no class, segment or dimension value. The
// command line writes it as it is; checks read these names.

import { isoFromDay } from '../basics/dates';
import type { SegmentResult } from './types';

const window = (w: { from: number; to: number }) => ({ from: isoFromDay(w.from), to: isoFromDay(w.to) });

export function portfolioJson(r: SegmentResult) {
  const m = r.migration;
  return {
    dynamics: r.dynamics.map((d) => ({
      period: d.period, start: isoFromDay(d.start), end: isoFromDay(d.end), customers: d.customers, new: d.new, newlyLost: d.newlyLost,
      wonBack: d.wonBack, lostStock: d.lostStock, atRisk: d.atRisk, netChange: d.netChange, valueLost: d.valueLost, valueLostShare: d.valueLostShare,
      // the two rare flows, so the stock's moves add up from the JSON alone
      leftLost: d.leftLost, lostAgain: d.lostAgain,
    })),
    lostCustomers: r.lostCustomers.map((l) => ({ ...l, lastPurchase: isoFromDay(l.lastPurchase) })),
    lossesBy: r.lossesBy,
    migration: m ? { previous: window(m.previous), current: window(m.current), abc: m.abc, xyz: m.xyz, movers: m.movers } : null,
  };
}
