import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripMarks } from './fold';
import { PlanImportJson, readPlanText } from './read-plan';

/** Properties of every seed reading: its expected JSON, the schema, evidence at true offsets. */

const seeds = path.join(import.meta.dirname, 'fixtures', 'seeds');
const SEED = {
  s000: '000_df6f930f6fa17a23',
  s001: '001_584ab46066cf9e5a',
  s002: '002_8bb06e3bc8a53859',
  s003: '003_2f885082b70e80f8',
  s004: '004_75962791051c0d47',
};

function text(name: string): string {
  return fs.readFileSync(path.join(seeds, `${name}.txt`), 'utf8');
}

describe('every seed', () => {
  for (const name of Object.values(SEED)) {
    it(`${name}: matches its hand-written expected JSON and the schema`, () => {
      const reading = readPlanText(text(name));
      const expected: unknown = JSON.parse(
        fs.readFileSync(path.join(seeds, `${name}.expected.json`), 'utf8'),
      );
      expect(PlanImportJson.parse(reading.result)).toEqual(reading.result);
      expect(reading.result).toEqual(expected);
    });

    it(`${name}: every evidence excerpt is the source at its offsets`, () => {
      const source = text(name);
      const { result, evidence } = readPlanText(source);
      const all = Object.values(evidence).flat();
      expect(all.length).toBeGreaterThan(10);
      for (const e of all) {
        const raw = source.slice(e.start, e.end).replace(/\s+/gu, ' ');
        expect(e.excerpt.length).toBeLessThanOrEqual(300);
        expect(raw.startsWith(e.excerpt.replace(/…$/u, ''))).toBe(true);
        // the path names a value that exists
        const value = e.field
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], result);
        expect(value, e.field).not.toBeNull();
        expect(value, e.field).not.toBeUndefined();
      }
      for (const key of ['documentSymbol', 'issuedYear', 'issuer', 'title', 'signer']) {
        expect(evidence[key], key).toBeDefined();
      }
    });
  }
});

describe('text without accents', () => {
  // seed 001 as it would be typed without a Vietnamese keyboard
  const plain = stripMarks(text(SEED.s001));
  const r = readPlanText(plain).result;

  it('reads the same numbers, dates and structure', () => {
    expect(r.documentNumber).toBe('47/KH-UBND');
    expect(r.issuedOn).toBe('2022-02-18');
    expect(r.place).toBe('Chau Thanh');
    expect(r.issuer).toBe('UBND huyện Chau Thanh');
    expect(r.legalBases.map((b) => b.number)).toEqual(['23/CT-TTg', '595/KH-UBND', '1012/QD-UBND']);
    expect(r.periodEnd).toBe('2025-12-31');
    expect(r.deadlines.map((d) => d.date)).toEqual(['2022-02-28']);
    expect(r.participants.collectives).toHaveLength(2);
    expect(r.contents).toHaveLength(5);
    expect(r.signer).toEqual({ title: 'Chủ tịch', name: 'Le Ngoc An' });
  });
});
