/// <reference types="office-js" />
/// <reference types="office-runtime" />
// Entry of functions.js: registers every custom function. Runs where only CustomFunctions and
// Office exist (no DOM assumptions). The ids must equal those in functions.json (tested).

import { abc, losses, matrix, migration, palive, segment, setErrorFactory, xyz } from './functions';
import { forbidCompiledReaders } from '../core';

// functions.js runs in the task pane's page (shared runtime), whose content security policy forbids
// compiling code: the core makes its readers without it
forbidCompiledReaders();

declare const CustomFunctions: {
  associate(id: string, fn: (...args: any[]) => unknown): void;
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string };
};

export const REGISTERED = { SEGMENT: segment, ABC: abc, XYZ: xyz, MATRIX: matrix, PALIVE: palive, LOSSES: losses, MIGRATION: migration };

// Opened outside Excel (or when office.js could not load) there is nothing to register with.
if (typeof CustomFunctions !== 'undefined') {
  // #VALUE! carrying the sentence that says what is wrong with the arguments
  setErrorFactory((message) => new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message));
  for (const [id, fn] of Object.entries(REGISTERED)) CustomFunctions.associate(id, fn);
}
