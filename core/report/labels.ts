// How values show in a report cell: dates as serials (with a date format), non-finite numbers as
// empty cells, statuses and archetypes in the current language. The colour rules use the same
// labelling functions as the cells they colour.

import { serialFromDay } from '../basics/dates';
import { t, type MessageKey } from '../messages';
import { moveDirection, NO_CLASS } from '../rules/class-migration';
import type { LayoutValue } from './layout-types';
import type { Archetype, Status } from '../types';

export const dateCell = (day: number | null): LayoutValue => (day === null ? null : serialFromDay(day));
export const numberCell = (v: number | null): LayoutValue => (v === null || !Number.isFinite(v) ? null : v);

const STATUS_KEY: Record<Status, MessageKey> = { Active: 'status.Active', New: 'status.New', 'At risk': 'status.At risk', Lost: 'status.Lost' };
const ARCHETYPE_KEY: Record<Archetype, MessageKey> = { Financier: 'arch.Financier', Prospect: 'arch.Prospect', 'Image builder': 'arch.Image builder', Expert: 'arch.Expert' };

export const statusLabel = (s: Status): string => t(STATUS_KEY[s]);
export const flagLabel = (v: boolean): string => (v ? t('yes') : t('no'));
/** The archetypes as shown (most customers have none). */
export const archetypesLabel = (list: readonly Archetype[]): string => (list.length ? list.map((a) => t(ARCHETYPE_KEY[a])).join(', ') : '');
/** A metric's name as a column header ("Revenue"). */
export const metricHeader = (metric: 'revenue' | 'profit'): string => { const s = t(metric === 'profit' ? 'metric.profit' : 'metric.revenue'); return s.charAt(0).toUpperCase() + s.slice(1); };

/** A class of §7/§8 as shown: the letter, or "—" when there is none (the catalogue's no-value mark). */
export const classLabel = (cls: string): string => (cls === NO_CLASS ? t('p.noValue') : cls);
/** A move between two classes ("A → B"): the migration's colour rules match this text. */
export const moveLabel = (from: string, to: string): string => t('mig.move', { from: classLabel(from), to: classLabel(to) });
/** Which way a move went, as shown ("fall", "rise"). */
export const directionLabel = (d: 'fall' | 'rise'): string => t(d === 'fall' ? 'mig.fall' : 'mig.rise');
/** The direction of a move between two classes, for its label and colour. */
export const directionOf = (from: string, to: string): 'fall' | 'rise' | null => { const d = moveDirection(from, to); return d < 0 ? 'fall' : d > 0 ? 'rise' : null; };
