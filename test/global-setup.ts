// One temporary folder per test run: every worker's os.tmpdir() (and the programs the tests start:
// LibreOffice, Chromium, the CLI) points into it, so no test can find files an earlier run left,
// and it is removed when the run ends (ABCXYZ_KEEP_TMP=1 keeps it for a look).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'abcxyz-test-run-'));
  // set before the workers start: they inherit this environment
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (process.env.ABCXYZ_KEEP_TMP) process.stdout.write(`test files kept in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
