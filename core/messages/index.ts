// Messages: the catalogues by language (en.ts, …), the current language, and `t`, which fills a
// message's {placeholders}. Every user-facing text comes from here.

import { en } from './en';

type Params = Record<string, string | number>;


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
