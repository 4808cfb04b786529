// Options, one vocabulary for every surface:
//   vocabulary.ts  every option once: name, key, kind, choices, defaults, range, label, form section
//   percent.ts     the one percent rule ("80", "80 %", "80,5" → 0.8, 0.805; and back)
//   option-text.ts "metric=profit; a=70" — the custom functions', the sidebar's and the CLI's syntax
//   check.ts       the sentences of an option error, naming the option
//   resolve.ts     defaults filled in and every value checked
//   form-model.ts  the option form both panes render (no DOM)
//   cli.ts         the command-line flags and their --help lines
// Dependencies run one way: percent, vocabulary, check ← option-text ← form-model; resolve and
// cli read percent, vocabulary and check. vocabulary imports types only (safe for any bundle).

export { COLUMN_ROLES, OPTIONS, defaultAbc, defaultXyz, optionSpec, optionSpecByKey, optionDefault, optionLabel, optionRange, DEFAULT_BASIS } from './vocabulary';
export type { OptionSpec, OptionKind, OptionBasis, OptionName, FormFieldId, FormSection } from './vocabulary';
export { numberFromText, percentToFraction, fractionToPercent, percentFromCell } from './percent';
export { OPTION_TEXT, optionName, setOptionFromText, parseOptionText } from './option-text';
export { resolveOptions } from './resolve';
export { FORM_FIELD_IDS, formFields, formBasis, formSectionTitle, moreOptionsField, optionsFromForm, readSavedForm, savedFormValues } from './form-model';
export type { FormField, FormChoice, FormValues, SavedForm } from './form-model';
export { OPTION_FLAGS, COLUMN_FLAGS, optionHelpLines } from './cli';
