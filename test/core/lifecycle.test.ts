// The typical gap is a median: the selection that finds it must agree with sorting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, medianInPlace, medianOfWhole } from '../../core/rules/typical-gap';

const sortedMedian = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

describe('medianInPlace', () => {
  it('equals the median of the sorted values, with many repeats and at every length', () => {
    // small integers repeat like day gaps of weekly buyers; lengths cross the insertion-sort cut-off
    const gaps = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 200 });
    const spread = fc.array(fc.double({ min: 0.5, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 200 });
    fc.assert(fc.property(fc.oneof(gaps, spread), (xs) => {
      const buf = new Float64Array(xs.length + 5).fill(-1); // values past n must not count
      buf.set(xs);
      expect(medianInPlace(buf, xs.length)).toBe(sortedMedian(xs));
    }), { numRuns: 500 });
  });

  it('handles sorted, reversed and constant runs', () => {
    for (const n of [17, 18, 100, 101, 1000]) {
      const up = Array.from({ length: n }, (_, i) => i + 1);
      expect(median(up)).toBe(sortedMedian(up));
      expect(median([...up].reverse())).toBe(sortedMedian(up));
      expect(median(new Array(n).fill(7))).toBe(7);
    }
  });
});

describe('medianOfWhole', () => {
  it('equals the median of the sorted values, narrow or wide ranges, and leaves its counts at zero for the next call', () => {
    const counts = new Int32Array(1024);
    const narrow = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 120 });
    const wide = fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 120 }); // past the counts: selection
    fc.assert(fc.property(fc.oneof(narrow, wide), (xs) => {
      const buf = new Float64Array(xs.length + 3).fill(9999);
      buf.set(xs);
      expect(medianOfWhole(buf, xs.length, counts)).toBe(sortedMedian(xs));
      expect(counts.every((c) => c === 0)).toBe(true);
    }), { numRuns: 500 });
  });
});

