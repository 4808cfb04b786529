// Suggested action (SPEC §5): a win-back action for a customer lost or at risk, by importance; the
// segment's strategy otherwise.

import { t, type MessageKey } from '../messages';
import { SEGMENTS } from './segments';
import type { AbcClass, Segment, Status } from '../types';

/** Message keys built once: a key built per customer would be a new string to hash every time. */
export const STRATEGY_KEY = Object.fromEntries(SEGMENTS.map((s) => [s, `strategy.${s}`])) as Record<Segment, MessageKey>;

/** The texts of the suggested actions, looked up once per run rather than once per customer. */
export function actionTexts() {
  return {
    lostKey: t('action.lostKey'), lostB: t('action.lostB'), lostC: t('action.lostC'),
    riskKey: t('action.riskKey'), riskB: t('action.riskB'), riskC: t('action.riskC'),
    net: t('action.net'), none: t('action.none'),
    /** By segment number (SEGMENTS order). */
    strategy: SEGMENTS.map((seg) => t(STRATEGY_KEY[seg])),
  };
}
export type ActionTexts = ReturnType<typeof actionTexts>;

/** Suggested action of a customer, from status, class, key-account flag and segment number (-1: none). */
export function actionFor(texts: ActionTexts, status: Status | null, abc: AbcClass | null, key: boolean, segment: number, netLeZero: boolean): string {
  const important = key || abc === 'A';
  if (status === 'Lost') return important ? texts.lostKey : abc === 'B' ? texts.lostB : texts.lostC;
  if (status === 'At risk') return important ? texts.riskKey : abc === 'B' ? texts.riskB : texts.riskC;
  if (netLeZero) return texts.net;
  return segment >= 0 ? texts.strategy[segment] : texts.none;
}
