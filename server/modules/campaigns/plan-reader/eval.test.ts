import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePlanReader } from '../../../../bench/plan-reader-eval';

const fixtures = path.join(import.meta.dirname, 'fixtures');

function count(dir: string, prefix = ''): number {
  return fs
    .readdirSync(path.join(fixtures, dir))
    .filter((f) => f.startsWith(prefix) && f.endsWith('.expected.json')).length;
}

describe('evaluatePlanReader', () => {
  it('scores every field over every text with an expected JSON', async () => {
    const report = await evaluatePlanReader();
    expect(report.texts).toBe(count('seeds') + count('wild'));
    expect(report.heldOut.texts).toBe(count('wild', 'holdout-'));
    expect(Object.keys(report.fields)).toHaveLength(23);
    for (const [field, s] of Object.entries(report.fields)) {
      expect(s.correct, field).toBeLessThanOrEqual(Math.min(s.found, s.expected));
      // a regression guard: the reader never drops below these on its own fixtures
      expect(s.precision, field).toBeGreaterThanOrEqual(0.9);
      expect(s.recall, field).toBeGreaterThanOrEqual(0.7);
    }
    expect(report.fields.documentNumber).toMatchObject({ precision: 1, recall: 1 });
    expect(report.fields.legalBases).toMatchObject({ precision: 1, recall: 1 });
    expect(report.ms).toBeGreaterThan(0);
  });
});
