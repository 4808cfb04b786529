// A transition matrix of class migration (SPEC §8) as a grid with headers: previous classes down,
// current classes across, a total row and column. Shared by the Migration sheet and the custom
// function that spills the ABC matrix.

import { t } from '../messages';
import { ABC_ROWS, XYZ_ROWS } from '../rules/class-migration';
import { classLabel } from './labels';
import type { LayoutValue } from './layout-types';
import type { Migration, MigrationCell } from '../result/types';

export type TransitionKind = 'abc' | 'xyz';
export type CellValue = 'customers' | 'metricPrevious' | 'metricCurrent';

export const transitionClasses = (kind: TransitionKind): readonly string[] => (kind === 'abc' ? ABC_ROWS : XYZ_ROWS);

/** [title, classes…, Total], then one row per previous class and the total row. */
export function transitionGrid(m: Migration, kind: TransitionKind, value: CellValue, title: string): LayoutValue[][] {
  const classes = transitionClasses(kind);
  const cells = m[kind] as Record<string, Record<string, MigrationCell>>;
  const out: LayoutValue[][] = [[title, ...classes.map(classLabel), t('m.total')]];
  const columns = classes.map(() => 0);
  for (const p of classes) {
    const row = classes.map((q) => cells[p][q][value]);
    row.forEach((v, j) => { columns[j] += v; });
    out.push([classLabel(p), ...row, row.reduce((s, v) => s + v, 0)]);
  }
  out.push([t('m.total'), ...columns, columns.reduce((s, v) => s + v, 0)]);
  return out;
}
