// Messages: the catalogues by language (en.ts, …), the current language, and `t`, which fills a
// message's {placeholders}. Every user-facing text comes from here.

import { en } from './en';

type Params = Record<string, string | number>;


export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

/** Every language's catalogue, by language code. A new language is one file and one line here. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { en };
let current: Catalogue = en;
let currentLanguage = 'en';

/** The placeholders of a message, sorted: "{count} of {metric}" → count, metric. */
export function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1]))].sort();
}

/**
 * What is wrong with a set of catalogues against the English one: keys missing or extra, and
 * messages whose placeholders differ (a translation that drops {count} would show a sentence
 * without its number). The build fails on any of these.
 */
export function catalogueProblems(catalogues: Readonly<Record<string, Record<string, string>>> = CATALOGUES, reference: Record<string, string> = en): string[] {
  const problems: string[] = [];
  for (const [lang, cat] of Object.entries(catalogues)) {
    for (const key of Object.keys(reference)) {
      if (!(key in cat)) problems.push(`${lang}: missing key "${key}"`);
      else if (typeof cat[key] !== 'string') problems.push(`${lang}: "${key}" is not a text`);
      else if (placeholders(cat[key]).join() !== placeholders(reference[key]).join()) {
        problems.push(`${lang}: "${key}" has placeholders {${placeholders(cat[key]).join('}, {')}} instead of {${placeholders(reference[key]).join('}, {')}}`);
      }
    }
    for (const key of Object.keys(cat)) if (!(key in reference)) problems.push(`${lang}: extra key "${key}"`);
  }
  return problems;
}

/** Switch the display language; unknown languages fall back to English. */
export function setLanguage(lang: string): void {
  currentLanguage = lang in CATALOGUES ? lang : 'en';
  current = CATALOGUES[currentLanguage];
}

/** The display language's code ("en"): the pages set it as their lang, so a screen reader speaks it right. */
export function language(): string {
  return currentLanguage;
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
