/** Number helpers shared by the evaluation rules. */

/**
 * Rounds half away from zero to 2 decimals. Decisions publishing the results (QĐ công bố) print
 * points and percentages with 2 decimals, so values are rounded exactly as the paper shows them:
 * two units printed "87,50 %" must not rank apart on invisible floating-point noise, and a unit
 * printed "90,00 %" must not be classified below 90. `toPrecision(12)` absorbs binary noise first
 * (1.005 × 100 = 100.49999… → 100.5 → 1.01).
 */
export function round2(x: number): number {
  const r = Math.round(Number((Math.abs(x) * 100).toPrecision(12))) / 100;
  return (x < 0 ? -r : r) + 0; // `+ 0` turns −0 into 0
}

/** Decimal comma as Vietnamese prints numbers: 1.5 → "1,5". */
export function num(n: number): string {
  return String(n).replace('.', ',');
}

/** A finite number (not NaN, not ±Infinity). */
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
