/** Award decisions (quyết định khen thưởng, decision 042): the words both sides need. */

/** Who decides: the people's committee (…/QĐ-UBND) or its chairman (…/QĐ-CT). */
export const deciders = ['committee', 'chairman'] as const;
export type DecisionDecider = (typeof deciders)[number];
export const deciderLabels: Record<DecisionDecider, string> = {
  committee: 'Ủy ban nhân dân (QĐ-UBND)',
  chairman: 'Chủ tịch Ủy ban nhân dân (QĐ-CT)',
};
/** The issuer symbol of the register series (Decree 30/2020, Appendix III). */
export const deciderSymbols: Record<DecisionDecider, string> = {
  committee: 'UBND',
  chairman: 'CT',
};
/** The document type of a decision in the register. */
export const DECISION_DOC_TYPE = 'QĐ';

export const decisionStatuses = ['draft', 'issued', 'cancelled', 'corrected'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];
export const decisionStatusLabels: Record<DecisionStatus, string> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
  cancelled: 'Đã bị hủy bỏ',
  corrected: 'Đã được đính chính',
};

/** A decision that replaces an issued one: cancels it, or corrects it (its rows replace the old). */
export const replaceKinds = ['cancel', 'correct'] as const;
export type ReplaceKind = (typeof replaceKinds)[number];
