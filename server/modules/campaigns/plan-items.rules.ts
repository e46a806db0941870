import type { PlanContent, PlanContentDraft } from '../../../shared/campaign';
import { assignPlanItemIds, planItemIds, type PlanItemKind } from '../../../shared/plan-items';
import { AppError, type FieldError } from '../../platform/errors';

const idLabels: [prefix: string, label: string][] = [
  ['content.criteria.collectiveIds', 'Tiêu chí tập thể — mã'],
  ['content.criteria.individualIds', 'Tiêu chí cá nhân — mã'],
  ['content.rewards', 'Hình thức khen thưởng — mã'],
  ['content.quotas', 'Số lượng khen thưởng — mã'],
  ['content.contest.prizes', 'Cơ cấu giải thưởng — mã'],
];

/** What the user reads for an id field: "Số lượng khen thưởng — mã (dòng 3)". */
function idLabel(field: string): string {
  const label = idLabels.find(([prefix]) => field.startsWith(prefix))?.[1] ?? 'Mã';
  const row = /\.(\d+)(?:\.id)?$/.exec(field)?.[1];
  return row === undefined ? label : `${label} (dòng ${Number(row) + 1})`;
}

/**
 * The draft's items with their stable ids (decision 025). An item that brings an id keeps it when
 * the id belongs to the plan's lineage (`lineage`: the saved content the draft edits — the draft
 * itself, or the issued version an amendment changes; null for a new plan, which has none), has
 * its kind's prefix and appears once; every other item gets a fresh id. VALIDATION_FAILED naming
 * each offending id field otherwise.
 */
export function withPlanItemIds(
  draft: PlanContentDraft,
  lineage: PlanContent | null,
  newId?: (kind: PlanItemKind) => string,
): PlanContent {
  const known = lineage === null ? new Set<string>() : planItemIds(lineage);
  const { content, problems } = assignPlanItemIds(draft, known, newId);
  if (problems.length === 0) return content;
  const fields: FieldError[] = problems.map((p) => ({
    field: p.field,
    label: idLabel(p.field),
    message: p.message,
  }));
  const summary = fields.map((f) => `${f.label}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ — ${summary}.`, { fields });
}
