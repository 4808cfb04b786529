// A catalogue in which every message is a marker, and the check that a shown text holds nothing
// else. Built against it, a page or the command line shows "⟦page.segment⟧" where it would say
// "Segment customers"; any English word still shown came from somewhere other than the catalogue.
//
// A marker keeps the message's placeholders, "⟦ui.range|{address}⟧", so the values the code puts in
// are shown — and checked too: a parameter that is itself an English phrase is a leak as well.
import type { Plugin } from 'esbuild';
import { placeholders } from '../../core/messages';
import { en } from '../../core/messages/en';

/** The marker of a message; with params, as t() shows it filled in (what the marker catalogue shows). */
export function marker(key: string, params?: Record<string, string | number>): string {
  const text = `⟦${key}${placeholders((en as Record<string, string>)[key]).map((p) => `|{${p}}`).join('')}⟧`;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export function markerCatalogue(): Record<string, string> {
  return Object.fromEntries(Object.keys(en).map((k) => [k, marker(k)]));
}

/**
 * esbuild plugin: every catalogue core/messages imports (./en, and a later ./el) becomes the
 * marker catalogue, so a bundle shows markers whatever language it is switched to.
 */
export function markerPlugin(): Plugin {
  return {
    name: 'marker-catalogue',
    setup(build) {
      build.onResolve({ filter: /^\.\/[a-z]{2}$/ }, (args) => (/[\\/]core[\\/]messages$/.test(args.resolveDir) ? { path: args.path.slice(2), namespace: 'marker-catalogue' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'marker-catalogue' }, (args) => ({
        contents: `export const ${args.path} = ${JSON.stringify(markerCatalogue())};`,
        loader: 'js',
      }));
    },
  };
}

export interface Allowed {
  /** Texts the test itself put in: customer names, headers, sheet names, file paths. */
  data?: readonly string[];
  /** Words allowed anywhere (the option vocabulary on the command line, say). */
  words?: readonly string[];
}

/**
 * The words of a shown text that come from neither a marker nor the allowed data. Marker heads
 * (⟦key) must name real keys; the parameters stay and are checked. A word is two or more letters:
 * single letters (column letters, option names a/b/x/y) and class codes in capitals (A, B, C, X,
 * Y, Z and their pairs, ABC, XYZ) are not words; nor are digits, punctuation and symbols.
 */
export function strayWords(text: string, allowed: Allowed = {}): string[] {
  const stray: string[] = [];
  let s = text.replace(/⟦([^|⟧⟦]*)/g, (_m, key: string) => {
    if (!(key in en)) stray.push(`⟦${key} (no such message)`);
    return ' ';
  }).replace(/[|⟧]/g, ' ');
  // whole data only: an allowed "month" does not excuse the "month" of "months"
  for (const d of [...(allowed.data ?? [])].filter(Boolean).sort((a, b) => b.length - a.length)) {
    s = s.replace(new RegExp(`(?<![\\p{L}\\p{M}])${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'gu'), ' ');
  }
  const words = new Set(allowed.words ?? []);
  for (const w of s.match(/\p{L}[\p{L}\p{M}]*/gu) ?? []) if (w.length >= 2 && !/^[ABCXYZ]+$/.test(w) && !words.has(w)) stray.push(w);
  return stray;
}

/**
 * Every text with stray words, and those words: [] when all of them came from the catalogue. An
 * attribute is given as "@name=value": only its value is a shown text.
 */
export function strayTexts(texts: readonly string[], allowed: Allowed = {}): { text: string; stray: string[] }[] {
  return [...new Set(texts)].map((text) => ({ text, stray: strayWords(text.replace(/^@[\w-]+=/, ''), allowed) })).filter((r) => r.stray.length > 0);
}
