import {
  DECISION_DOC_TYPE,
  deciderSymbols,
  type DecisionDecider,
} from '../../../shared/award-decisions';
import type { Series } from '../documents/index';

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
