// The one message catalogue: every user-facing text (sheet names, headers, strategies, actions,
// reasons, warnings, errors). Add a language by adding a catalogue with the same keys; logic
// never holds display text of its own.

type Params = Record<string, string | number>;

const en = {
  // sheet names
  'sheet.report': 'ABC-XYZ',
  'sheet.winback': 'Win-back',
  'sheet.skipped': 'Skipped rows',

  // skipped-row reasons
  'skip.blank': 'blank row',
  'skip.noCustomer': 'customer is empty',
  'skip.error': 'error value {value} in column {column}',
  'skip.noDate': 'date is empty',
  'skip.badDate': 'date "{value}" in column {column} is not a date',
  'skip.dateOrder': 'date "{value}" does not fit the column\'s {order} order',
  'skip.noAmount': 'amount is empty',
  'skip.badNumber': '"{value}" in column {column} is not a number',
  'skip.beforeWindow': 'date {date} is before the analysis window ({from})',
  'skip.afterWindow': 'date {date} is after the analysis window ({to})',
  'skip.afterAsOf': 'date {date} is after the as-of date ({asOf})',
  'skip.noValues': 'no numeric period values',

  // warnings
  'warn.duplicateHeader': 'Two columns look like {role}: {first} and {second}; using {first}.',
  'warn.dateOrderGuess': 'Dates such as "{example}" could be day/month or month/day; they were read as {order}. Set the date order option if that is wrong.',
  'warn.dateOrderMixed': '{count} date(s) do not fit the {order} order of the column and were skipped.',
  'warn.mostlyZ': '{share} of the XYZ-classified customers are Z. Try a coarser period (quarter) or the {other} method.',
  'warn.noPositive': 'No customer has a positive net {metric}; nothing could be ABC-classified.',
  'warn.noRows': 'No usable rows: see the Skipped rows sheet for the reasons.',
  'warn.noLifecycle': 'Lifecycle status needs a date column; wide (per-period) input has none.',
  'warn.profitMissing': 'Metric is profit but no profit column is mapped; using revenue.',
  'warn.negativeRemoved': '{count} customer(s) with net {metric} ≤ 0 are listed but not classified.',
  'warn.tooNew': '{count} customer(s) have fewer than {min} periods of history and are not XYZ-classified.',
  'warn.dependency': '{customer} brings {share} of {metric}: dependency risk.',

  // errors (fatal for a run; the message names the column or option)
  'err.empty': 'The range is empty. Select the transactions table including its header row.',
  'err.addAfterFinish': 'Rows cannot be added after finish(): start a new segmenter for a new table.',
  'err.headerOnly': 'The range has a header row but no data rows.',
  'err.noColumn': 'No {role} column found. Headers seen: {headers}. Map the {role} column explicitly.',
  'err.mappedMissing': 'The {role} column "{name}" is not in the header row. Headers seen: {headers}.',
  'err.mappedTwice': 'Header "{name}" appears in more than one column ({columns}); map the {role} column by its letter.',
  'err.noAmount': 'No amount column found (nor quantity and price). Headers seen: {headers}. Map the amount column explicitly.',
  'err.option': 'Option {name}: {problem}',
  'err.optionUnknown': 'Unknown option "{name}". Known options: {known}.',
  'err.optionSyntax': 'Cannot read "{part}" in the options: write name=value, separated by semicolons.',
  'err.args': '{problem}',

  // option problems
  'opt.number': 'must be a number, got "{value}"',
  'opt.range': 'must be between {min} and {max}, got {value}',
  'opt.order': '{lower} ({lv}) must be below {upper} ({uv})',
  'opt.choice': 'must be one of {choices}, got "{value}"',
  'opt.date': 'must be a date YYYY-MM-DD, got "{value}"',
  'opt.fromTo': 'from ({from}) must not be after to ({to})',
  'opt.asOfFrom': 'the as-of date ({asOf}) must not be before from ({from})',

  // statuses and archetypes (display)
  'status.Active': 'Active',
  'status.New': 'New',
  'status.At risk': 'At risk',
  'status.Lost': 'Lost',
  'arch.Financier': 'Financier',
  'arch.Prospect': 'Prospect',
  'arch.Image builder': 'Image builder',
  'arch.Expert': 'Expert',

  // strategies per matrix cell
  'strategy.AX': 'Protect at all costs: dedicated account manager, long-term contract, priority service.',
  'strategy.AY': 'Keep close: regular contact, agreed purchase plans, loyalty terms.',
  'strategy.AZ': 'Make buying regular: learn the demand cycle, offer a framework agreement.',
  'strategy.BX': 'Grow share of wallet: cross-sell and upsell to a reliable buyer.',
  'strategy.BY': 'Develop: standard account routines and targeted offers.',
  'strategy.BZ': 'Stabilise: reminders and offers timed to the buying cycle.',
  'strategy.CX': 'Serve efficiently: automatic reordering, self-service.',
  'strategy.CY': 'Serve at low cost: standard terms, digital channels.',
  'strategy.CZ': 'Serve at minimum cost; review whether to keep.',

  // suggested actions
  'action.lostKey': 'Win back: personal visit by the account manager with a special offer.',
  'action.lostB': 'Win back: special offer or discount on the next order.',
  'action.riskKey': 'Call now: ask what changed; offer a gift or loyalty bonus.',
  'action.riskB': 'Reminder with a time-limited discount.',
  'action.lostC': 'No action: low value.',
  'action.riskC': 'Automated reminder.',
  'action.net': 'Check returns and credit notes.',
  'action.none': '',

  // host surfaces (menus, locks, selections)
  'host.menu': 'ABC-XYZ',
  'host.menuItem': 'Segment customers…',
  'host.sidebarTitle': 'ABC-XYZ',
  'host.busy': 'Another segmentation is running in this spreadsheet. Try again when it has finished.',
  'host.noSelection': 'Select the transactions table (including its header row) and click "Use current selection".',
  'host.rangeGone': 'The range {address} no longer exists (was the sheet renamed or deleted?). Click "Use current selection" and try again.',
  'host.badRequest': 'The sidebar sent an unexpected request ({problem}). Close and reopen the sidebar.',
  'host.badOptionValue': 'Option {name}: the value must not contain ";" or "=".',
  'host.noSheet': 'There is no sheet named "{name}" any more.',

  // task pane and sidebar
  'role.customer': 'Customer',
  'role.date': 'Date',
  'role.amount': 'Amount',
  'role.profit': 'Profit',
  'role.quantity': 'Quantity',
  'role.price': 'Unit price',
  'role.image': 'Image builder tag',
  'role.expert': 'Expert tag',
  'role.budget': 'Budget',
  'role.need': 'Need',
  'role.solvency': 'Solvency',
  'role.authority': 'Authority',
  'ui.reading': 'Reading the selected range…',
  'ui.computing': 'Segmenting customers…',
  'ui.writing': 'Writing the report sheets…',
  'ui.done': 'Done.',
  'ui.optionalColumns': 'Optional columns',
  'ui.automatic': 'Automatic ({header})',
  'ui.automaticNone': 'Automatic (not found)',
  'ui.range': 'Range: {address}',
  'ui.customers': '{customers} ({classified} classified)',
  'ui.keyShare': '{share} from {count} key account(s)',
  'ui.tooLarge': 'The range is too large for Excel to hand over in one piece. Select fewer columns or split the data.',
  'ui.oneRange': 'Select one rectangular range of transactions (not several areas).',
  'ui.hostFailed': 'Excel could not complete the request: {detail}',
  'ui.readingSelection': 'Reading the selection…',
  'ui.noRange': 'No range yet.',
  'ui.progress': 'Segmenting customers… {seconds} s',
  'ui.written': 'Written to the sheets {sheets}{asOf} in {seconds} s.',
  'ui.asOf': ' (as of {date})',
  'ui.statCustomers': 'Customers',
  'ui.statKey': 'Key accounts',
  'ui.statKeyValue': '{count}, {share} of the total',
  'ui.statWinBack': 'Win-back list',
  'ui.statRows': 'Rows read / used',
  'ui.tooOld': 'This version of Excel is too old for the add-in (it needs the Excel JavaScript API 1.7). Update Office or use Excel on the web.',

  // report labels
  'report.title': 'ABC-XYZ customer segmentation',
  'report.parameters': 'Parameters',
  'report.matrix': 'ABC-XYZ matrix',
  'report.customersTitle': 'Customers',
  'p.asOf': 'As-of date',
  'p.window': 'Window',
  'p.period': 'Period',
  'p.metric': 'Metric',
  'p.abcRule': 'ABC rule',
  'p.abcThresholds': 'ABC thresholds',
  'p.cutoffs': 'ABC cut-off values (smallest A / smallest B)',
  'p.xyzMethod': 'XYZ method',
  'p.xyzThresholds': 'XYZ thresholds',
  'p.minPeriods': 'Minimum periods for XYZ',
  'p.lifecycle': 'Lifecycle rule',
  'p.rows': 'Rows read / used / skipped',
  'p.customers': 'Customers (classified)',
  'p.keyShare': 'Key accounts (share of metric)',
  'p.warnings': 'Warnings',
  'p.none': 'none',
  'm.cell': 'Segment',
  'm.customers': 'Customers',
  'm.customerShare': '% of customers',
  'm.metricShare': '% of {metric}',
  'm.strategy': 'Strategy',
  'm.abc': 'ABC \\ XYZ',
  'm.total': 'Total',

  // customer table headers
  'h.rank': 'Rank',
  'h.customer': 'Customer',
  'h.revenue': 'Revenue',
  'h.profit': 'Profit',
  'h.share': 'Share',
  'h.cumShare': 'Cumulative share',
  'h.abc': 'ABC',
  'h.purchases': 'Purchases',
  'h.activePeriods': 'Periods active',
  'h.periods': 'Periods',
  'h.frequency': 'Frequency',
  'h.cv': 'CV',
  'h.xyz': 'XYZ',
  'h.segment': 'Segment',
  'h.keyAccount': 'Key account',
  'h.archetypes': 'Archetypes',
  'h.firstPurchase': 'First purchase',
  'h.lastPurchase': 'Last purchase',
  'h.daysSinceLast': 'Days since last',
  'h.typicalGap': 'Typical gap (days)',
  'h.status': 'Status',
  'h.action': 'Suggested action',
  'h.valueAtStake': 'Value at stake (per year)',
  'h.row': 'Row',
  'h.reason': 'Reason',
  'h.values': 'Original values',
  'yes': 'yes',
  'no': '',
  'metric.revenue': 'revenue',
  'metric.profit': 'profit',
};

export type MessageKey = keyof typeof en;
const catalogues: Record<string, Record<MessageKey, string>> = { en };
let current: Record<MessageKey, string> = en;

/** Switch the display language; unknown languages fall back to English. */
export function setLanguage(lang: string): void {
  current = catalogues[lang] ?? en;
}

/** A message with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Params): string {
  const text = current[key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** An error whose message is meant for the analyst (no stack trace is shown). */
export class AbcxyzError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AbcxyzError';
  }
}
