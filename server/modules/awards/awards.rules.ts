import type { AwardKind, AwardSubject, Decider, RoundingMode } from '../../../shared/awards';
import { addDays, formatVietnamDate } from '../../../shared/dates';
import { decimal, groupThousands } from '../documents/index';

/**
 * Pure rules of the award catalogue (decision 035): which dated version is in force on a date,
 * the amount of an award (Decree 152/2025: coefficient × the base salary in force on the decision
 * date, rounded by the rounding rule in force; or a plan's fixed amount), explained in Vietnamese,
 * and the checks on a new version, base salary or rounding rule.
 */

/** One dated version of a title or form. valid_to is the last day in force (inclusive). */
export type FormVersion = {
  id: number;
  formId: number;
  code: string;
  name: string;
  kind: AwardKind;
  subject: AwardSubject;
  coefficient: number | null;
  fixedAmount: number | null;
  deciders: Decider[];
  legalBasis: string | null;
  validFrom: string;
  validTo: string | null;
};

export type BaseSalary = { amount: number; effectiveFrom: string; legalBasis: string };
export type Rounding = { mode: RoundingMode; step: number; effectiveFrom: string };

/** When no rounding rule is in force (dates before the first one): up to 10.000đ (Decree 98). */
export const DEFAULT_ROUNDING: Rounding = { mode: 'up', step: 10_000, effectiveFrom: '1900-01-01' };

/** The row with the latest `effectiveFrom` on or before `date`, or undefined. */
export function effectiveOn<T extends { effectiveFrom: string }>(
  rows: readonly T[],
  date: string,
): T | undefined {
  let best: T | undefined;
  for (const r of rows)
    if (r.effectiveFrom <= date && (best === undefined || r.effectiveFrom > best.effectiveFrom))
      best = r;
  return best;
}

/**
 * The version of one form in force on `date`: the latest that started on or before it, unless
 * that one ended (valid_to) before the date. A version ends at its valid_to or when the next one
 * starts, whichever is first.
 */
export function versionOn<T extends { validFrom: string; validTo: string | null }>(
  versions: readonly T[],
  date: string,
): T | undefined {
  const latest = effectiveOn(
    versions.map((v) => ({ ...v, effectiveFrom: v.validFrom })),
    date,
  );
  if (latest === undefined || (latest.validTo !== null && latest.validTo < date)) return undefined;
  return versions.find((v) => v.validFrom === latest.validFrom);
}

/** The last day a version is in force given the versions of its form (null: open-ended). */
export function effectiveEnd(
  version: { validFrom: string; validTo: string | null },
  versions: readonly { validFrom: string }[],
): string | null {
  const next = versions
    .map((v) => v.validFrom)
    .filter((d) => d > version.validFrom)
    .sort()[0];
  const nextEnd = next === undefined ? null : addDays(next, -1);
  if (version.validTo === null) return nextEnd;
  return nextEnd === null || version.validTo < nextEnd ? version.validTo : nextEnd;
}

/** "2.340.000đ"; a fraction of a đồng (a coefficient with 3 decimals) shows as ",45". */
export function vnd(amount: number): string {
  const whole = Math.trunc(amount);
  const cents = Math.round((amount - whole) * 1000);
  const fraction = cents === 0 ? '' : `,${String(cents).padStart(3, '0').replace(/0+$/u, '')}`;
  return `${groupThousands(whole)}${fraction}đ`;
}

const roundingWords: Record<RoundingMode, string> = {
  up: 'làm tròn lên',
  nearest: 'làm tròn',
  none: 'làm tròn',
};

/**
 * `coefficient × base` rounded by the rule, in whole đồng. Computed on integers (the coefficient
 * in thousandths) so 0,3 × 2.340.000 is exactly 702.000, never 701.999,99….
 */
export function roundedProduct(
  coefficient: number,
  base: number,
  rounding: Pick<Rounding, 'mode' | 'step'>,
): { raw: number; amount: number } {
  const milli = Math.round(coefficient * 1000);
  const numerator = base * milli; // raw × 1000, an integer
  const raw = numerator / 1000;
  const unit = rounding.mode === 'none' ? 1000 : rounding.step * 1000;
  const units =
    rounding.mode === 'up'
      ? Math.ceil(numerator / unit)
      : Math.floor((numerator + unit / 2) / unit);
  return { raw, amount: (units * unit) / 1000 };
}

export type AwardAmountInput = {
  version: Pick<FormVersion, 'name' | 'coefficient' | 'fixedAmount'>;
  /** The decision's date (Vietnam calendar, YYYY-MM-DD): the base salary of that day applies. */
  decisionDate: string;
  baseSalaries: readonly BaseSalary[];
  roundings: readonly Rounding[];
  /** The plan's own amount ("trị giá 300.000đ/người"), which replaces the coefficient. */
  fixedAmount?: number | null;
};

export type AwardAmount =
  | {
      ok: true;
      amount: number;
      /** "0,3 × 2.340.000đ = 702.000đ, làm tròn lên 710.000đ". */
      explanation: string;
      /** The base salary used (null for a fixed amount). */
      baseSalary: BaseSalary | null;
      coefficient: number | null;
    }
  | { ok: false; reason: string };

/**
 * The amount of an award: the plan's fixed amount when given, else the version's fixed amount,
 * else its coefficient × the base salary in force on the decision date, rounded by the rounding
 * rule in force that day (none recorded: up to 10.000đ). Not computable — and said why in
 * Vietnamese — when the form carries no amount or no base salary is in force on that date.
 */
export function awardAmount(input: AwardAmountInput): AwardAmount {
  const { version, decisionDate } = input;
  const fixed = input.fixedAmount ?? version.fixedAmount;
  if (fixed !== null && fixed !== undefined) {
    const whose = input.fixedAmount == null ? 'theo danh mục' : 'theo kế hoạch';
    return {
      ok: true,
      amount: fixed,
      explanation: `Mức cố định ${whose}: ${vnd(fixed)}`,
      baseSalary: null,
      coefficient: null,
    };
  }
  if (version.coefficient === null)
    return { ok: false, reason: `${version.name} không có hệ số hay mức tiền thưởng.` };
  const base = effectiveOn(input.baseSalaries, decisionDate);
  if (base === undefined)
    return {
      ok: false,
      reason: `Chưa có mức lương cơ sở áp dụng ngày ${formatVietnamDate(decisionDate)}.`,
    };
  const rounding = effectiveOn(input.roundings, decisionDate) ?? DEFAULT_ROUNDING;
  const { raw, amount } = roundedProduct(version.coefficient, base.amount, rounding);
  const product = `${decimal(version.coefficient)} × ${vnd(base.amount)} = ${vnd(raw)}`;
  return {
    ok: true,
    amount,
    explanation:
      amount === raw ? product : `${product}, ${roundingWords[rounding.mode]} ${vnd(amount)}`,
    baseSalary: base,
    coefficient: version.coefficient,
  };
}

// ── Checks on new dated values ────────────────────────────────────────────────────────────

/** A field and what is wrong with it (the service turns it into VALIDATION_FAILED). */
export type Problem = { field: string; message: string };

/**
 * A new version of a form must start after the latest version started (history is never
 * rewritten) and after that version's own valid_to when it has one (no overlap); its valid_to
 * must not be before its valid_from; coefficient and fixed amount not both.
 */
export function newVersionProblems(
  existing: readonly { validFrom: string; validTo: string | null }[],
  input: {
    validFrom: string;
    validTo: string | null;
    coefficient: number | null;
    fixedAmount: number | null;
  },
): Problem[] {
  const problems: Problem[] = [];
  if (input.validTo !== null && input.validTo < input.validFrom)
    problems.push({
      field: 'validTo',
      message: `không được trước ngày bắt đầu hiệu lực (${formatVietnamDate(input.validFrom)})`,
    });
  if (input.coefficient !== null && input.fixedAmount !== null)
    problems.push({
      field: 'fixedAmount',
      message: 'chỉ nhập hệ số hoặc mức tiền cố định, không nhập cả hai',
    });
  const latest = [...existing].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  if (latest !== undefined && input.validFrom <= latest.validFrom)
    problems.push({
      field: 'validFrom',
      message: `phải sau ngày bắt đầu của phiên bản mới nhất (${formatVietnamDate(latest.validFrom)}); phiên bản đã có không được sửa, chỉ thêm phiên bản mới`,
    });
  else if (latest?.validTo != null && input.validFrom <= latest.validTo)
    problems.push({
      field: 'validFrom',
      message: `trùng thời gian với phiên bản hiệu lực đến hết ngày ${formatVietnamDate(latest.validTo)}`,
    });
  return problems;
}

/** A new base salary or rounding rule applies from after the latest one already recorded. */
export function newEffectiveFromProblems(
  existing: readonly { effectiveFrom: string }[],
  effectiveFrom: string,
): Problem[] {
  const latest = existing
    .map((r) => r.effectiveFrom)
    .sort()
    .at(-1);
  if (latest === undefined || effectiveFrom > latest) return [];
  return [
    {
      field: 'effectiveFrom',
      message: `phải sau ngày áp dụng của mức đã có gần nhất (${formatVietnamDate(latest)}); mức đã có không được sửa`,
    },
  ];
}
