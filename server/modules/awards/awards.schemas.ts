import { addDays } from '../../../shared/dates';
import type {
  AwardFormRow,
  AwardFormVersion,
  BaseSalaryRow,
  RoundingRow,
} from '../../../shared/api/awards';
import type { Actor } from '../../platform/context';
import { effectiveEnd, type AwardAmount } from './awards.rules';
import type { FormRecord, VersionRecord } from './awards.queries';
import { canManageForm } from './awards.policy';

// The request schemas are the contract's (shared/api/awards.ts); these are their labels.
export const versionLabels = {
  name: 'Tên danh hiệu, hình thức',
  kind: 'Loại',
  subject: 'Đối tượng',
  coefficient: 'Hệ số',
  fixedAmount: 'Mức tiền cố định',
  deciders: 'Thẩm quyền quyết định',
  legalBasis: 'Căn cứ pháp lý',
  validFrom: 'Hiệu lực từ ngày',
  validTo: 'Hiệu lực đến hết ngày',
  code: 'Mã',
  scope: 'Phạm vi',
  provinceUnitId: 'Tỉnh',
  date: 'Ngày',
};
export const baseSalaryLabels = {
  amount: 'Mức lương cơ sở',
  effectiveFrom: 'Áp dụng từ ngày',
  legalBasis: 'Căn cứ pháp lý',
};
export const roundingLabels = {
  mode: 'Cách làm tròn',
  step: 'Làm tròn đến (đồng)',
  effectiveFrom: 'Áp dụng từ ngày',
  legalBasis: 'Căn cứ pháp lý',
};

export function toVersionResponse(
  v: VersionRecord,
  siblings: readonly VersionRecord[],
): AwardFormVersion {
  return {
    id: v.id,
    name: v.name,
    kind: v.kind,
    subject: v.subject,
    coefficient: v.coefficient,
    fixedAmount: v.fixedAmount,
    deciders: v.deciders,
    legalBasis: v.legalBasis,
    validFrom: v.validFrom,
    validTo: v.validTo,
    effectiveTo: effectiveEnd(v, siblings),
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
  };
}

export function toFormRow(
  form: FormRecord,
  versions: readonly VersionRecord[],
  current: VersionRecord | undefined,
  amount: AwardAmount | null,
  actor: Actor,
): AwardFormRow {
  return {
    id: form.id,
    code: form.code,
    scope: form.scope,
    province:
      form.provinceUnitId === null
        ? null
        : { id: form.provinceUnitId, name: form.provinceName ?? '' },
    planId: form.planId,
    current: current === undefined ? null : toVersionResponse(current, versions),
    amount:
      amount === null
        ? null
        : amount.ok
          ? { ok: true, amount: amount.amount, explanation: amount.explanation }
          : { ok: false, reason: amount.reason },
    versions: versions.map((v) => toVersionResponse(v, versions)),
    canAddVersion: canManageForm(actor, form),
  };
}

/** Rows of a dated table with the day before the next row starts as their end. */
export function withEffectiveTo<T extends { effectiveFrom: string; createdAt: Date }>(
  rows: readonly T[],
): (Omit<T, 'createdAt'> & { effectiveTo: string | null; createdAt: string })[] {
  return rows.map((r, i) => {
    const next = rows[i + 1];
    return {
      ...r,
      createdAt: r.createdAt.toISOString(),
      effectiveTo: next === undefined ? null : addDays(next.effectiveFrom, -1),
    };
  });
}

export type { BaseSalaryRow, RoundingRow };
