import {
  DECISION_DOC_TYPE,
  deciderSymbols,
  type DecisionDecider,
} from '../../../shared/award-decisions';
import type { Series } from '../documents/index';
import {
  deciderLabels,
  deciderUnitKinds,
  deciders,
  type AwardSubject,
  type Decider,
} from '../../../shared/awards';

/** Pure rules of award decisions (decision 042). */

/** The register series a decision takes its number from: the unit's QĐ-UBND or QĐ-CT of the year. */
export function decisionSeries(
  unitId: number,
  decider: DecisionDecider,
  decisionDate: string,
): Series {
  return {
    unitId,
    year: Number(decisionDate.slice(0, 4)),
    docType: DECISION_DOC_TYPE,
    issuerSymbol: deciderSymbols[decider],
  };
}

/** The honours' reference of a decision's awards: one record per subject and decision. */
export const honourRef = (decisionId: number) => `award_decision:${decisionId}`;

/**
 * What still blocks issuing a draft: field → Vietnamese reason. A decision that cancels another
 * has no annex; every other needs at least one awardee. The signer's name and title are printed.
 */
export function missingForIssue(d: {
  rowCount: number;
  replaceKind: 'cancel' | 'correct' | null;
  signerName: string;
  signerTitle: string;
}): { field: string; label: string; message: string }[] {
  const out: { field: string; label: string; message: string }[] = [];
  if (d.replaceKind !== 'cancel' && d.rowCount === 0)
    out.push({
      field: 'rows',
      label: 'Danh sách kèm theo',
      message: 'chưa có tập thể, cá nhân nào',
    });
  if (d.signerName.trim() === '')
    out.push({ field: 'signerName', label: 'Người ký', message: 'chưa nhập' });
  if (d.signerTitle.trim() === '')
    out.push({ field: 'signerTitle', label: 'Chức vụ người ký', message: 'chưa nhập' });
  return out;
}

/**
 * The catalogue deciders (decision 035) whose power a decision of a unit of `unitKind` exercises:
 * those whose unit kinds (`deciderUnitKinds`, the matrix nominations use to find the deciding
 * level) include it. A commune's decision on a chairman's form is issued as …/QĐ-CT or, signed
 * for the committee, as …/QĐ-UBND, so both count there; a province's chairman and committee are
 * told apart by `decider`. A department head's power is not placed by kind (a commune's office is
 * a 'department' too), so no department holds one here either.
 */
export function decisionPowers(unitKind: string, decider: DecisionDecider): Decider[] {
  return deciders.filter((d) => {
    if (!(deciderUnitKinds[d] as readonly string[]).includes(unitKind)) return false;
    if (d === 'provincial_chair') return decider === 'chairman';
    if (d === 'provincial_committee') return decider === 'committee';
    return true;
  });
}

/**
 * Why a form cannot be awarded to a row of this decision, or null: the form's version in force on
 * the decision date must name one of the decision's powers among its deciders (a plan's own form
 * with no deciders is the issuing unit's), and its subject must match the row (an individual's
 * form to a person, a collective's to a unit; a household's form to either).
 */
export function formRefusal(
  form: { name: string; deciders: readonly Decider[]; subject: AwardSubject },
  powers: readonly Decider[],
  row: 'person' | 'unit',
): string | null {
  if (form.deciders.length > 0 && !form.deciders.some((d) => powers.includes(d)))
    return `"${form.name}" thuộc thẩm quyền ${form.deciders
      .map((d) => deciderLabels[d])
      .join(' hoặc ')}, không thuộc thẩm quyền của cấp ban hành quyết định này`;
  if (form.subject === 'individual' && row === 'unit')
    return `"${form.name}" chỉ tặng cá nhân, không tặng tập thể`;
  if (form.subject === 'collective' && row === 'person')
    return `"${form.name}" chỉ tặng tập thể, không tặng cá nhân`;
  return null;
}
