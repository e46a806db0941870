import { describe, expect, it } from 'vitest';
import {
  PlanContentInput,
  type PlanContent,
  type PlanContentDraft,
} from '../../../shared/campaign';
import { findPlanItem, withoutPlanItemIds, type PlanItemKind } from '../../../shared/plan-items';
import { AppError } from '../../platform/errors';
import { withPlanItemIds } from './plan-items.rules';

/** Deterministic ids: r-00000001, q-00000002, … */
function counter() {
  let n = 0;
  const letter: Record<PlanItemKind, string> = {
    reward: 'r',
    quota: 'q',
    prize: 'p',
    criterion: 'c',
  };
  return (kind: PlanItemKind) => `${letter[kind]}-${String(++n).padStart(8, '0')}`;
}

const draft = (input: object): PlanContentDraft => PlanContentInput.parse(input);
const reward = (form: string, id?: string) => ({ form, ...(id === undefined ? {} : { id }) });
const quota = (level: string, id?: string) => ({
  scope: 'collective',
  level,
  maxPercent: 20,
  ...(id === undefined ? {} : { id }),
});

/** The saved plan the edits below start from. */
const saved: PlanContent = withPlanItemIds(
  draft({
    criteria: { collective: ['Hoàn thành nhiệm vụ', 'Đoàn kết'], individual: ['Gương mẫu'] },
    rewards: [reward('Giấy khen'), reward('Bằng khen')],
    quotas: [quota('Cấp xã')],
    contest: { prizes: [{ rank: 'Nhất' }, { rank: 'Nhì' }] },
  }),
  null,
  counter(),
);

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION_FAILED');
    return ((e as AppError).details?.fields ?? []).map(
      (f) => `${f.field} | ${f.label} | ${f.message}`,
    );
  }
  return [];
}

describe('withPlanItemIds: assign, keep, reject', () => {
  it('assigns an id of its kind to every item of a new plan', () => {
    expect(saved.criteria.collectiveIds).toEqual(['c-00000001', 'c-00000002']);
    expect(saved.criteria.individualIds).toEqual(['c-00000003']);
    expect(saved.rewards.map((r) => r.id)).toEqual(['r-00000004', 'r-00000005']);
    expect(saved.quotas.map((q) => q.id)).toEqual(['q-00000006']);
    expect(saved.contest?.prizes.map((p) => p.id)).toEqual(['p-00000007', 'p-00000008']);
  });

  it('keeps sent ids, drops removed items and gives new items new ids', () => {
    const next = withPlanItemIds(
      draft({
        criteria: {
          collective: ['Đoàn kết', 'Hoàn thành xuất sắc nhiệm vụ', 'Mới'],
          collectiveIds: ['c-00000002', 'c-00000001', null],
          individual: ['Gương mẫu'],
          individualIds: ['c-00000003'],
        },
        rewards: [reward('Bằng khen (sửa)', 'r-00000005'), reward('Tặng quà')],
        quotas: [],
        contest: { prizes: [{ rank: 'Nhì', id: 'p-00000008' }] },
      }),
      saved,
      counter(),
    );
    expect(next.criteria.collectiveIds.slice(0, 2)).toEqual(['c-00000002', 'c-00000001']);
    expect(next.criteria.collectiveIds[2]).toMatch(/^c-/);
    expect(next.rewards[0]).toMatchObject({ id: 'r-00000005', form: 'Bằng khen (sửa)' });
    expect(next.rewards[1]?.id).toMatch(/^r-/);
    expect(next.contest?.prizes.map((p) => p.id)).toEqual(['p-00000008']);
    // New ids never reuse an id of the lineage, removed items' included.
    const lineage = new Set(['r-00000004', 'q-00000006', 'p-00000007', 'c-00000001']);
    expect(
      [next.rewards[1]?.id, next.criteria.collectiveIds[2]].some((id) => lineage.has(id ?? '')),
    ).toBe(false);
  });

  it('treats an omitted criteria id list as all new criteria', () => {
    const next = withPlanItemIds(draft({ criteria: { collective: ['A'], individual: [] } }), saved);
    expect(next.criteria.collectiveIds).toHaveLength(1);
    expect(saved.criteria.collectiveIds).not.toContain(next.criteria.collectiveIds[0]);
  });

  it.each([
    [
      'an id from outside the lineage',
      { quotas: [quota('Cấp xã', 'q-zzzzzzzz')] },
      saved,
      [
        'content.quotas.0.id | Số lượng khen thưởng — mã (dòng 1) | "q-zzzzzzzz" không thuộc kế hoạch này',
      ],
    ],
    [
      'any id on a new plan',
      { rewards: [reward('Giấy khen', 'r-00000004')] },
      null,
      [
        'content.rewards.0.id | Hình thức khen thưởng — mã (dòng 1) | "r-00000004" không thuộc kế hoạch này',
      ],
    ],
    [
      'the same id twice',
      { rewards: [reward('Giấy khen', 'r-00000004'), reward('Bằng khen', 'r-00000004')] },
      saved,
      [
        'content.rewards.1.id | Hình thức khen thưởng — mã (dòng 2) | "r-00000004" bị trùng trong kế hoạch',
      ],
    ],
    [
      'an id of another kind',
      { quotas: [quota('Cấp xã', 'r-00000004')] },
      saved,
      [
        'content.quotas.0.id | Số lượng khen thưởng — mã (dòng 1) | "r-00000004" không phải mã của mục loại này',
      ],
    ],
    [
      'a criteria id list of the wrong length',
      { criteria: { collective: ['A', 'B'], collectiveIds: ['c-00000001'], individual: [] } },
      saved,
      [
        'content.criteria.collectiveIds | Tiêu chí tập thể — mã | phải có đúng một mã (hoặc null) cho mỗi tiêu chí',
      ],
    ],
    [
      'a prize id reused as a criterion',
      { criteria: { collective: ['A'], collectiveIds: ['p-00000007'], individual: [] } },
      saved,
      [
        'content.criteria.collectiveIds.0 | Tiêu chí tập thể — mã (dòng 1) | "p-00000007" không phải mã của mục loại này',
      ],
    ],
  ])('rejects %s, naming the field', (_name, input, lineage, expected) => {
    expect(fieldsOf(() => withPlanItemIds(draft(input), lineage))).toEqual(expected);
  });

  it('refuses a malformed id at parsing', () => {
    expect(PlanContentInput.safeParse({ quotas: [quota('Cấp xã', 'quota-1')] }).success).toBe(
      false,
    );
  });
});

describe('findPlanItem', () => {
  it.each([
    ['r-00000005', 'reward', { id: 'r-00000005', form: 'Bằng khen' }],
    ['q-00000006', 'quota', { id: 'q-00000006', level: 'Cấp xã', maxPercent: 20 }],
    ['p-00000008', 'prize', { id: 'p-00000008', rank: 'Nhì' }],
    ['c-00000002', 'criterion', { id: 'c-00000002', scope: 'collective', text: 'Đoàn kết' }],
    ['c-00000003', 'criterion', { id: 'c-00000003', scope: 'individual', text: 'Gương mẫu' }],
  ])('finds %s as a %s', (id, kind, item) => {
    const found = findPlanItem(saved, id);
    expect(found?.kind).toBe(kind);
    expect(found?.item).toMatchObject(item);
  });

  it('returns null for an id the plan does not have', () => {
    expect(findPlanItem(saved, 'q-zzzzzzzz')).toBeNull();
    expect(findPlanItem(saved, '')).toBeNull();
  });
});

describe('withoutPlanItemIds', () => {
  it('strips every id so another plan gets its own', () => {
    const copy = withoutPlanItemIds(saved);
    expect(JSON.stringify(copy)).not.toMatch(/"id"|"(collective|individual)Ids"/);
    expect(copy.criteria.collective).toEqual(saved.criteria.collective);
    expect(copy.rewards.map((r) => r.form)).toEqual(['Giấy khen', 'Bằng khen']);
  });
});
