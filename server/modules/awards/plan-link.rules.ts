import type { RewardForm } from '../../../shared/campaign';
import { deciderLabels, type AwardSubject, type Decider } from '../../../shared/awards';
import { foldVietnamese } from '../../platform/text';
import type { FormVersion } from './awards.rules';

/**
 * Links a plan's reward form (decision 025: stable `r-…` id, free text "Giấy khen" + "Chủ tịch
 * UBND phường") to the catalogue: the catalogue form(s) it names, matched on folded names, one
 * per subject; who decides it, read from the issuer's title; or the plan's fixed amount ("quà trị
 * giá 300.000đ/người", seed 000), which replaces the coefficient. Pure: the caller passes the
 * catalogue versions in force on the decision date.
 */

/** A plan's reward form as the link reads it (the plan content's RewardForm, id optional). */
export type PlanReward = Pick<RewardForm, 'form' | 'scope' | 'issuerTitle' | 'amountVnd'> & {
  id?: string;
};

export type PlanRewardLink = {
  rewardId: string | null;
  /** The catalogue forms named, one per subject (empty: the plan's own form). */
  forms: { formId: number; code: string; name: string; subject: AwardSubject }[];
  /** Who decides, read from the issuer's title (null: not said). */
  decider: Decider | null;
  /** The plan's fixed amount per award, which replaces the coefficient. */
  fixedAmount: number | null;
  /** What the officer should know, in Vietnamese. */
  notes: string[];
};

/** Decree 129/2025 Art. 59: the district chair's award powers go to the commune chair. */
export const COMMUNE_TAKES_OVER_FROM = '2025-07-01';

const fold = (s: string) =>
  foldVietnamese(s)
    .replace(/uy ban nhan dan/gu, 'ubnd')
    .replace(/[^a-z0-9 ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/** Whether `text` contains `phrase` as whole words. */
const hasWords = (text: string, phrase: string) => ` ${text} `.includes(` ${phrase} `);

/** Who decides, from the issuer's title as a plan writes it ("Chủ tịch UBND phường"). */
export function deciderOf(issuerTitle: string | null): Decider | null {
  if (issuerTitle === null) return null;
  const t = fold(issuerTitle);
  if (hasWords(t, 'thu tuong')) return 'prime_minister';
  if (hasWords(t, 'bo truong')) return 'minister';
  if (/\b(giam doc so|thu truong)\b/u.test(t)) return 'department_head';
  const chair = hasWords(t, 'chu tich');
  if (hasWords(t, 'tinh')) return chair ? 'provincial_chair' : 'provincial_committee';
  // A city under a province (seed 003) was district level before 1/7/2025.
  if (/\b(huyen|quan|thi xa|thanh pho)\b/u.test(t)) return 'district_chair';
  if (/\b(xa|phuong|thi tran|dac khu)\b/u.test(t)) return 'commune_chair';
  return null;
}

/** The catalogue name before " của …": "Bằng khen của Chủ tịch UBND tỉnh" → "bang khen". */
const shortName = (name: string) => fold(name).split(' cua ')[0] ?? '';

function matchForms(text: string, versions: readonly FormVersion[], decider: Decider | null) {
  const byName = (nameOf: (v: FormVersion) => string) => {
    const hits = versions.filter((v) => hasWords(text, nameOf(v)));
    const longest = Math.max(0, ...hits.map((v) => nameOf(v).length));
    return hits.filter((v) => nameOf(v).length === longest);
  };
  let hits = byName((v) => fold(v.name));
  if (hits.length === 0) hits = byName((v) => shortName(v.name));
  // Several forms share the short name ("bằng khen"): the decider tells them apart.
  const names = new Set(hits.map((v) => v.name));
  if (names.size > 1 && decider !== null) {
    const decided = hits.filter((v) => v.deciders.includes(decider));
    if (decided.length > 0) hits = decided;
  }
  return hits;
}

const defaultSubjects: readonly AwardSubject[] = ['individual', 'collective'];

/**
 * The link of one reward form of a plan. `versions` are the catalogue versions in force on
 * `decisionDate` (the forms a decision that day could give).
 */
export function linkPlanReward(
  reward: PlanReward,
  versions: readonly FormVersion[],
  decisionDate: string,
): PlanRewardLink {
  const text = fold(`${reward.form} ${reward.issuerTitle ?? ''}`);
  const decider = deciderOf(reward.issuerTitle);
  const subjects = reward.scope === null ? defaultSubjects : [reward.scope];
  const matched = matchForms(text, versions, decider).filter((v) => subjects.includes(v.subject));
  const forms = matched
    .sort((a, b) => subjects.indexOf(a.subject) - subjects.indexOf(b.subject))
    .map((v) => ({ formId: v.formId, code: v.code, name: v.name, subject: v.subject }));
  const notes: string[] = [];
  const first = matched[0];
  if (decider !== null && first !== undefined && !first.deciders.includes(decider)) {
    if (
      decider === 'district_chair' &&
      decisionDate >= COMMUNE_TAKES_OVER_FROM &&
      first.deciders.includes('commune_chair')
    )
      notes.push(
        'Từ 01/7/2025, thẩm quyền của Chủ tịch UBND cấp huyện chuyển cho Chủ tịch UBND cấp xã (Nghị định số 129/2025/NĐ-CP, Điều 59).',
      );
    else
      notes.push(
        `${deciderLabels[decider]} không có thẩm quyền quyết định ${first.name} theo danh mục.`,
      );
  }
  if (reward.amountVnd !== null && forms.length > 0)
    notes.push('Mức tiền cố định theo kế hoạch thay cho hệ số của danh mục.');
  if (reward.amountVnd === null && forms.length === 0)
    notes.push(
      'Hình thức riêng của kế hoạch, không có trong danh mục và không có mức tiền thưởng.',
    );
  return { rewardId: reward.id ?? null, forms, decider, fixedAmount: reward.amountVnd, notes };
}

/** The links of every reward form of a plan, in the plan's order. */
export function linkPlanRewards(
  rewards: readonly PlanReward[],
  versions: readonly FormVersion[],
  decisionDate: string,
): PlanRewardLink[] {
  return rewards.map((r) => linkPlanReward(r, versions, decisionDate));
}
