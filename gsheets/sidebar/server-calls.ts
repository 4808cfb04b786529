// google.script.run as promises. Each call chains its own success and failure handlers, as the
// Apps Script client API requires; the page never sees server exceptions except through these.

import { t } from '../../core/messages';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

function scriptRun(): ScriptRun {
  const g = (window as unknown as { google?: { script?: { run?: ScriptRun } } }).google;
  if (!g?.script?.run) throw new Error(t('sidebar.outside'));
  return g.script.run;
}

export function callServer<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = scriptRun()
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) => reject(e)) as unknown as Record<string, (...a: unknown[]) => void>;
    runner[name](...args);
  });
}

/** The sentence to show for a failed call: the server's own message, plus a hint for known causes. */
export function errorSentence(e: unknown): string {
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : (e as { message?: string } | null)?.message ?? t('sidebar.failed');
  const clean = text.replace(/^(Exception|Error|AbcxyzError):\s*/, '');
  if (/PERMISSION_DENIED|Authorization is required|not have permission/i.test(clean)) {
    return t('sidebar.accounts', { message: clean });
  }
  return clean;
}
