#!/usr/bin/env node
// Entry point of the `abcxyz` command: runs the bundled CLI, building it first if needed
// (a fresh checkout where `npm install` skipped the prepare step).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const bundle = join(root, 'dist', 'cli', 'abcxyz.cjs');
if (!existsSync(bundle)) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli'], { stdio: 'inherit' });
}
require(bundle);
