// The marker that identifies the sheets this product wrote (developer metadata, a custom property…).

export const MARKER = { key: 'abcxyz', value: 'abcxyz-report-v1' };
