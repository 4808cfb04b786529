// Shared helpers for the command-line tests: run the real `abcxyz` binary.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export { tempDir } from '../temp';

export const ROOT = join(__dirname, '..', '..');

export function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'abcxyz.cjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
