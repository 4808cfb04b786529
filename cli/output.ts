// JSON, CSV and console renderings of a segmentation result (the command line's contract).

import { closeSync, openSync, writeSync } from 'node:fs';
import Papa from 'papaparse';
import { isoFromDay, SEGMENTS, type CustomerResult, type SegmentResult } from '../core/index';

// the same few hundred days recur across tens of thousands of customers
const isoCache = new Map<number, string>();
const iso = (d: number | null): string | null => {
  if (d === null) return null;
  let s = isoCache.get(d);
  if (s === undefined) isoCache.set(d, (s = isoFromDay(d)));
  return s;
};

/** One customer in the JSON / CSV contract. */
export function customerRecord(c: CustomerResult) {
  return {
    rank: c.rank,
    customer: c.customer,
    revenue: c.revenue,
    profit: c.profit,
    metric: c.metric,
    share: c.share,
    cumShare: c.cumShare,
    abc: c.abc,
    purchases: c.purchases,
    periods: c.periods,
    activePeriods: c.activePeriods,
    frequency: c.frequency,
    cv: c.cv,
    xyz: c.xyz,
    segment: c.segment,
    keyAccount: c.keyAccount,
    archetypes: c.archetypes,
    dependencyRisk: c.dependencyRisk,
    qualified: c.qualified,
    firstPurchase: iso(c.firstPurchase),
    lastPurchase: iso(c.lastPurchase),
    daysSinceLast: c.daysSinceLast,
    typicalGap: c.typicalGap,
    status: c.status,
  };
}

/**
 * Writes the JSON contract. The customer list is serialised in slices straight to the file, so a
 * 70,000-customer result never exists as one giant string.
 */
export function writeJson(r: SegmentResult, path: string): void {
  const { dateObjectDay: _drop, ...options } = r.options;
  const matrix = Object.fromEntries(SEGMENTS.map((s) => [s, { customers: r.matrix[s].customers, metricShare: r.matrix[s].metricShare }]));
  const head = {
    parameters: {
      ...options,
      asOf: iso(r.asOf),
      windowStart: iso(r.windowStart),
      windowEnd: iso(r.windowEnd),
      dateOrderUsed: r.dateOrderUsed,
      layout: r.layout,
      mapping: r.mapping,
      cutoffs: r.cutoffs,
    },
    totals: {
      rowsRead: r.totals.rowsRead,
      rowsUsed: r.totals.rowsUsed,
      rowsSkipped: r.totals.rowsSkipped,
      customers: r.totals.customers,
      classified: r.totals.classified,
      metricTotal: r.totals.metricTotal,
      keyAccountShare: r.totals.keyAccountShare,
    },
    matrix,
  };
  const fd = openSync(path, 'w');
  try {
    const open = JSON.stringify(head);
    writeSync(fd, `${open.slice(0, -1)},"customers":[`);
    for (let i = 0; i < r.customers.length; i += 2000) {
      const slice = r.customers.slice(i, i + 2000).map((c) => JSON.stringify(customerRecord(c))).join(',');
      writeSync(fd, (i > 0 ? ',' : '') + slice);
    }
    const tail = {
      winBack: r.winBack.map((w) => ({ ...w, lastPurchase: iso(w.lastPurchase) })),
      skipped: r.skipped.map((s) => ({ row: s.row, reason: s.reason })),
      warnings: r.warnings,
    };
    writeSync(fd, `],${JSON.stringify(tail).slice(1)}`);
  } finally {
    closeSync(fd);
  }
}

/** The customer table as CSV with the JSON field names. Formula-like names are prefixed with ' (CSV injection). */
export function toCsv(r: SegmentResult): string {
  const rows = r.customers.map((c) => {
    const rec = customerRecord(c) as Record<string, unknown>;
    rec.archetypes = c.archetypes.join('; ');
    if (/^[=+\-@\t\r]/.test(c.customer)) rec.customer = `'${c.customer}`;
    for (const k of Object.keys(rec)) if (rec[k] === null) rec[k] = '';
    return rec;
  });
  const fields = Object.keys(customerRecord(r.customers[0] ?? emptyCustomer()));
  return Papa.unparse({ fields, data: rows.map((x) => fields.map((f) => x[f])) }, { newline: '\n' }) + '\n';
}

function emptyCustomer(): CustomerResult {
  return { rank: null, customer: '', revenue: 0, profit: null, metric: 0, share: null, cumShare: null, abc: null, abcNote: null, purchases: 0, periods: 0, activePeriods: 0, frequency: null, cv: null, xyz: null, xyzNote: null, segment: null, keyAccount: false, archetypes: [], profitShare: null, dependencyRisk: false, qualified: false, firstPurchase: null, lastPurchase: null, daysSinceLast: null, typicalGap: null, gapFallback: false, lapse: null, status: null, action: '' };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Readable console summary: totals, the matrix, the win-back count, warnings. */
export function toText(r: SegmentResult): string {
  const lines: string[] = [];
  const t = r.totals;
  lines.push(`Rows: ${t.rowsRead} read, ${t.rowsUsed} used, ${t.rowsSkipped} skipped`);
  lines.push(`Customers: ${t.customers} (${t.classified} in the matrix); ${r.options.metric} total ${t.metricTotal.toLocaleString('en-US', { maximumFractionDigits: 2 })}`);
  lines.push(`Key accounts: ${r.customers.filter((c) => c.keyAccount).length} customers, ${pct(t.keyAccountShare)} of ${r.options.metric}`);
  if (r.asOf !== null) lines.push(`As of ${isoFromDay(r.asOf)}, window ${iso(r.windowStart)} – ${iso(r.windowEnd)}, period ${r.options.period}`);
  lines.push('');
  lines.push('        X                  Y                  Z');
  for (const a of ['A', 'B', 'C']) {
    const cells = ['X', 'Y', 'Z'].map((x) => {
      const c = r.matrix[`${a}${x}` as keyof typeof r.matrix];
      return `${String(c.customers).padStart(6)} ${pct(c.metricShare).padStart(7)}    `;
    });
    lines.push(`${a}  ${cells.join('')}`);
  }
  lines.push('   (customers and share of ' + r.options.metric + ' per cell)');
  lines.push('');
  const lost = r.winBack.filter((w) => w.status === 'Lost').length;
  lines.push(`Win-back list: ${r.winBack.length} customers (${lost} lost, ${r.winBack.length - lost} at risk)`);
  for (const w of r.winBack.slice(0, 5)) lines.push(`  ${w.customer} — ${w.status}, ${w.daysSinceLast} days since last purchase`);
  if (r.warnings.length) {
    lines.push('');
    lines.push('Warnings:');
    for (const w of r.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n') + '\n';
}
