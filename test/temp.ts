// A fresh folder for one test file's files, under os.tmpdir() (the run's own folder, see
// test/global-setup.ts): never a fixed path another run could have left behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'abcxyz-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
