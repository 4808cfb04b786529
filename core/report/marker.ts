// The marker that identifies the sheets this product wrote (developer metadata, a workbook name…).

export const MARKER = { key: 'abcxyz', value: 'abcxyz-report-v1' };

/**
 * The marker value a host stores with one sheet: it names the sheet's own id, so a copy the
 * analyst makes of a report sheet (which may carry the same metadata) is not taken for one, and a
 * value that merely looks like the product's is not either. A re-run deletes a sheet only when
 * the value stored with it is exactly this.
 */
export function markerValue(value: string, sheetId: string | number): string {
  return `${value}#${sheetId}`;
}
