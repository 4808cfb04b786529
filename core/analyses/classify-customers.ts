// The rules of SPEC §4–§5 applied to each customer in one pass: XYZ, segment, key account and
// archetypes, lifecycle status, qualification, win-back candidacy and the suggested action. Each
// rule is a small function of rules/; this pass only stores what they answer, by customer index.

import { actionFor, actionTexts } from '../rules/actions';
import { archetypeBits, isDependencyRisk, isFinancier, isProspect } from '../rules/archetypes';
import { pAliveStatus } from '../rules/bgnbd-status';
import { lifecycleStatus, STATUS_CODES } from '../rules/lifecycle';
import { segmentNumber } from '../rules/segments';
import { isSlipping } from '../rules/win-back';
import { XYZ_NOTE_TOO_NEW, xyzCode } from '../rules/xyz';
import type { Aggregates } from '../aggregate';
import type { CustomerFacts } from '../read/customer-facts';
import type { AbcOutput } from '../rules/abc';
import type { SegmentOptions, Status } from '../types';

/**
 * `asOf` is null for wide input (no dates: no status, no prospect); `fallbackGap` is the typical
 * gap of customers with a single purchase day. `pAlive` (by customer, NaN: none) gives the status
 * when it is there (churn-model = bgnbd with a fitted model); a customer without one (no
 * transaction day ≥ 0: only returns) keeps the gap rule's.
 */
export function classifyCustomers(
  agg: Aggregates, table: CustomerFacts, abc: AbcOutput, metric: ArrayLike<number>, inTopSet: Uint8Array,
  profitShares: Float64Array, asOf: number | null, fallbackGap: number, o: SegmentOptions, pAlive: Float64Array | null = null,
) {
  const C = agg.n;
  const texts = actionTexts();
  const segmentOf = new Int8Array(C).fill(-1);
  const xyzCodes = new Uint8Array(C);
  const xyzNotes = new Uint8Array(C);
  const keyAccounts = new Uint8Array(C);
  const archetypes = new Uint8Array(C);
  const dependency = new Uint8Array(C);
  const qualified = new Uint8Array(C);
  const gaps = new Float64Array(C);
  const fallbacks = new Uint8Array(C);
  const statusCodes = new Uint8Array(C);
  const actions: string[] = new Array(C);
  const slipping = new Uint8Array(C);
  let mostlyZ = 0, xyzCount = 0, tooNew = 0, netLe = 0, keyCount = 0, keyShare = 0;
  const m = metric;
  const risky: number[] = [];
  for (let c = 0; c < C; c++) {
    const cls = abc.cls[c];
    const eligible = cls !== null;
    const xyz = xyzCode(eligible, agg.periods[c], agg.active[c], agg.cv[c], o);
    if (xyz > 0) { xyzCodes[c] = xyz; xyzCount++; if (xyz === 3) mostlyZ++; } else xyzNotes[c] = -xyz;
    if (xyz === -XYZ_NOTE_TOO_NEW) tooNew++;
    segmentOf[c] = segmentNumber(cls, xyz > 0 ? xyz : 0);
    const share = profitShares[c];
    const financier = isFinancier(share, o);
    if (isDependencyRisk(share, o)) { dependency[c] = 1; risky.push(c); }
    const keyAccount = inTopSet[c] === 1 || financier;
    if (keyAccount) { keyAccounts[c] = 1; keyCount++; if (eligible) keyShare += abc.share[c]; }

    let status: Status | null = null;
    let prospect = false;
    if (asOf !== null) {
      const age = asOf - agg.first[c];
      const fallback = !(agg.gap[c] === agg.gap[c]);
      const gap = fallback ? fallbackGap : agg.gap[c];
      gaps[c] = gap;
      fallbacks[c] = fallback ? 1 : 0;
      const p = pAlive ? pAlive[c] : NaN;
      status = p === p ? pAliveStatus(p, age, o) : lifecycleStatus(asOf - agg.last[c], gap, age, o);
      statusCodes[c] = STATUS_CODES.indexOf(status);
      prospect = isProspect(m[c], age, table.budget[c], abc.cutoffs.a, o);
    }
    archetypes[c] = archetypeBits(financier, prospect, table.image[c] === 1, table.expert[c] === 1);
    qualified[c] = table.need[c] && table.solvency[c] && table.authority[c] ? 1 : 0;
    if (!eligible) netLe++;
    if (isSlipping(status, keyAccount, cls)) slipping[c] = 1;
    actions[c] = actionFor(texts, status, cls, keyAccount, segmentOf[c], !eligible);
  }

  return {
    xyz: xyzCodes, xyzNote: xyzNotes, segment: segmentOf, segmentOf, keyAccount: keyAccounts, archetypes, dependencyRisk: dependency,
    qualified, gap: gaps, gapFallback: fallbacks, status: statusCodes, action: actions,
    /** Lost or at risk, and valuable: the win-back list's customers. */
    slipping,
    /** Customers with a dependency risk, by index. */
    risky,
    counts: { z: mostlyZ, xyz: xyzCount, tooNew, netLe, keyAccounts: keyCount, keyShare },
  };
}
