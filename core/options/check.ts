// The sentences of an option error, shared by the option-text reader and resolveOptions: each
// names the option ("Option a: a (70) must be below b (60)").

import { AbcxyzError, t } from '../messages';

export function fail(name: string, problem: string): never {
  throw new AbcxyzError(t('err.option', { name, problem }));
}

export function checkChoice(name: string, value: unknown, choices: readonly string[]): void {
  if (!choices.includes(value as string)) fail(name, t('opt.choice', { choices: choices.join(', '), value: String(value) }));
}

export function checkNumber(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, t('opt.number', { value: String(value) }));
  if (value < min || value > max) fail(name, t('opt.range', { min, max, value }));
}
