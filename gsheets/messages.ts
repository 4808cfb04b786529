// The add-on's own sentences (menu, lock, selection) come from the core's one message catalogue.
import { t, type MessageKey } from '../core';

const KEYS = ['menu', 'menuItem', 'sidebarTitle', 'busy', 'noSelection', 'rangeGone', 'badRequest', 'badOptionValue', 'noSheet'] as const;
type HostKey = (typeof KEYS)[number];

export function msg(key: HostKey, params: Record<string, string | number> = {}): string {
  return t(`host.${key}` as MessageKey, params);
}
