// JSON, CSV and console renderings of a segmentation result (the command line's contract).

import { closeSync, openSync, writeSync } from 'node:fs';
import Papa from 'papaparse';
import { customersOf, isoFromDay, JSON_FIELDS, needsTextGuard, portfolioJson, portfolioLines, SEGMENTS, t, type CustomerField, type CustomerReader, type SegmentResult } from '../core';

// the same few hundred days recur across tens of thousands of customers
const isoCache = new Map<number, string>();
const iso = (d: number | null): string | null => {
  if (d === null) return null;
  let s = isoCache.get(d);
  if (s === undefined) isoCache.set(d, (s = isoFromDay(d)));
  return s;
};

/** A field's value at position k in the JSON / CSV contract: days as ISO dates, the rest as read. */
const jsonValue = (f: CustomerField, l: CustomerReader, k: number): unknown => {
  const v = (l[f.name] as (k: number) => unknown)(k);
  return f.kind === 'day' ? iso(v as number | null) : v;
};

/** The customer at position k of the list, in the JSON / CSV contract (the field table's JSON fields, in order). */
export function customerRecord(l: CustomerReader, k: number): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  for (const f of JSON_FIELDS) rec[f.name] = jsonValue(f, l, k);
  return rec;
}

/** The JSON / CSV field names of a customer. */
const CSV_FIELDS = JSON_FIELDS.map((f) => f.name);

/** Elements of a long list (customers, loss events, movers, skipped rows) written at a time. */
const SLICE = 2000;

/** Each JSON field's `"name":` text, made once. */
const JSON_KEYS = JSON_FIELDS.map((f) => `${JSON.stringify(f.name)}:`);

// the same days (quoted iso() text) and archetype lists recur across tens of thousands of customers
const dayJson = new Map<number, string>();
const listJson = new Map<unknown, string>();

/** A field value as JSON text, as JSON.stringify writes it inside an object (undefined: left out). */
function valueJson(kind: CustomerField['kind'], v: unknown): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      if (kind === 'day') {
        let d = dayJson.get(v);
        if (d === undefined) dayJson.set(v, (d = JSON.stringify(iso(v))));
        return d;
      }
      // String(x) is JSON's number text; JSON writes NaN and ±Infinity as null
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return JSON.stringify(v);
    case 'object': {
      let j = listJson.get(v);
      if (j === undefined) listJson.set(v, (j = JSON.stringify(v)));
      return j;
    }
    default:
      return JSON.stringify(v);
  }
}

/**
 * The JSON text of every customer of the list, in slices of `slice`: the same text as
 * JSON.stringify(customerRecord(l, k)), made without the objects. An object of 22 keys built key
 * by key is a slow dictionary to V8: building and stringifying 70,000 of them took a second of a
 * four-second run.
 */
export function* customerJsonSlices(l: CustomerReader, slice: number): Generator<string> {
  const getters = JSON_FIELDS.map((f) => (l[f.name] as (k: number) => unknown).bind(l));
  const kinds = JSON_FIELDS.map((f) => f.kind);
  for (let i = 0; i < l.length; i += slice) {
    const parts: string[] = [];
    for (let k = i; k < Math.min(i + slice, l.length); k++) {
      let s = '';
      for (let f = 0; f < getters.length; f++) {
        const v = valueJson(kinds[f], getters[f](k));
        if (v !== undefined) s += (s === '' ? '{' : ',') + JSON_KEYS[f] + v;
      }
      parts.push(s === '' ? '{}' : `${s}}`);
    }
    yield parts.join(',');
  }
}

/** parameters.bgnbd of the JSON contract (SPEC §11): the fitted model, or null when none was tried. */
function bgnbdJson(r: SegmentResult) {
  const m = r.bgnbd;
  return m && { r: m.r, alpha: m.alpha, a: m.a, b: m.b, logLikelihood: m.logLikelihood, customers: m.customers, converged: m.converged, unit: m.unit };
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
      headerRow: r.headerRow,
      layout: r.layout,
      mapping: r.mapping,
      cutoffs: r.cutoffs,
      bgnbd: bgnbdJson(r),
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
    let first = true;
    for (const part of customerJsonSlices(customersOf(r), SLICE)) {
      writeSync(fd, (first ? '' : ',') + part);
      first = false;
    }
    const tail = {
      winBack: r.winBack.map((w) => ({ ...w, lastPurchase: iso(w.lastPurchase) })),
      ...portfolioJson(r),
      skipped: r.skipped.map((s) => ({ row: s.row, reason: s.reason })),
      warnings: r.warnings,
    };
    writeSync(fd, '],');
    writeEntries(fd, tail);
    writeSync(fd, '}');
  } finally {
    closeSync(fd);
  }
}

/**
 * An object's entries as JSON.stringify writes them (without the braces), but a long list — the
 * loss events, the movers, the skipped rows — in slices, and an object holding one entry by entry:
 * tens of thousands of them never become one giant string. The same bytes as JSON.stringify.
 */
function writeEntries(fd: number, o: Record<string, unknown>): void {
  let first = true;
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined) continue;
    writeSync(fd, `${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    writeValue(fd, value);
  }
}

function writeValue(fd: number, value: unknown): void {
  if (Array.isArray(value) && value.length > SLICE) {
    writeSync(fd, '[');
    for (let i = 0; i < value.length; i += SLICE) writeSync(fd, (i ? ',' : '') + value.slice(i, i + SLICE).map((v) => JSON.stringify(v) ?? 'null').join(','));
    writeSync(fd, ']');
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).some((v) => Array.isArray(v) && v.length > SLICE)) {
    writeSync(fd, '{');
    writeEntries(fd, value as Record<string, unknown>);
    writeSync(fd, '}');
  } else {
    writeSync(fd, JSON.stringify(value));
  }
}

/** The customer table as CSV with the JSON field names. Formula-like names are prefixed with ' (CSV injection). */
export function toCsv(r: SegmentResult): string {
  const list = customersOf(r);
  const rows = Array.from({ length: list.length }, (_, k) => {
    const rec = customerRecord(list, k);
    const name = list.customer(k);
    rec.archetypes = list.archetypes(k).join('; ');
    if (needsTextGuard(name)) rec.customer = `'${name}`;
    for (const f of CSV_FIELDS) if (rec[f] === null) rec[f] = '';
    return rec;
  });
  return Papa.unparse({ fields: CSV_FIELDS, data: rows.map((x) => CSV_FIELDS.map((f) => x[f])) }, { newline: '\n' }) + '\n';
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Readable console summary: totals, the matrix, the win-back count, warnings. */
export function toText(r: SegmentResult): string {
  const lines: string[] = [];
  const n = r.totals;
  const metric = t(r.options.metric === 'profit' ? 'metric.profit' : 'metric.revenue');
  lines.push(t('cli.rows', { read: n.rowsRead, used: n.rowsUsed, skipped: n.rowsSkipped }));
  lines.push(t('cli.customers', { customers: n.customers, classified: n.classified, metric, total: n.metricTotal.toLocaleString('en-US', { maximumFractionDigits: 2 }) }));
  lines.push(t('cli.keyAccounts', { count: n.keyAccounts, share: pct(n.keyAccountShare), metric }));
  if (r.asOf !== null) lines.push(t('cli.window', { asOf: isoFromDay(r.asOf), from: iso(r.windowStart)!, to: iso(r.windowEnd)!, period: t(`p.period.${r.options.period}`) }));
  lines.push('');
  lines.push('        X                  Y                  Z');
  for (const a of ['A', 'B', 'C']) {
    const cells = ['X', 'Y', 'Z'].map((x) => {
      const c = r.matrix[`${a}${x}` as keyof typeof r.matrix];
      return `${String(c.customers).padStart(6)} ${pct(c.metricShare).padStart(7)}    `;
    });
    lines.push(`${a}  ${cells.join('')}`);
  }
  lines.push(t('cli.matrixNote', { metric }));
  lines.push('');
  const lost = r.winBack.filter((w) => w.status === 'Lost').length;
  lines.push(t('cli.winBack', { count: r.winBack.length, lost, risk: r.winBack.length - lost }));
  for (const w of r.winBack.slice(0, 5)) lines.push(t('cli.winBackLine', { customer: w.customer, status: t(w.status === 'Lost' ? 'status.Lost' : 'status.At risk'), days: w.daysSinceLast ?? '' }));
  lines.push(...portfolioLines(r));
  if (r.warnings.length) {
    lines.push('');
    lines.push(t('cli.warnings'));
    for (const w of r.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n') + '\n';
}
