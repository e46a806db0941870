import { planDocTypeLabels } from './campaign';

/**
 * The register of outgoing documents (sổ đăng ký văn bản đi) as both sides see it: one register
 * per issuing unit and year, per document type and issuer symbol; each number is reserved, issued
 * or cancelled (with the reason), and numbers never used between 1 and the highest are gaps.
 */

export const RegisterStatus = {
  reserved: 'reserved',
  issued: 'issued',
  cancelled: 'cancelled',
} as const;
export type RegisterStatus = (typeof RegisterStatus)[keyof typeof RegisterStatus];
export const registerStatuses = Object.values(RegisterStatus) as [
  RegisterStatus,
  ...RegisterStatus[],
];
export const registerStatusLabels: Record<RegisterStatus, string> = {
  reserved: 'Đã lấy số',
  issued: 'Đã ban hành',
  cancelled: 'Đã hủy số',
};

/** What a register entry numbers; later issues add decisions, tờ trình, biên bản, certificates. */
export const SubjectKind = { plan: 'plan', awardDecision: 'award_decision' } as const;
export type SubjectKind = (typeof SubjectKind)[keyof typeof SubjectKind];
export const subjectKindLabels: Record<SubjectKind, string> = {
  plan: 'Kế hoạch thi đua',
  award_decision: 'Quyết định khen thưởng',
};

/**
 * What a stored generated file (generated_document) was rendered from: a register subject, or a
 * dossier document (decision 045) — a nomination's report, a tờ trình, the tờ trình's list.
 */
export const GeneratedKind = {
  ...SubjectKind,
  dossierReport: 'dossier_report',
  dossierRequest: 'dossier_request',
  dossierList: 'dossier_list',
} as const;
export type GeneratedKind = (typeof GeneratedKind)[keyof typeof GeneratedKind];

/**
 * Names of the document types (Decree 30/2020, Appendix III abbreviations) the register shows:
 * the plans' types today; decisions, tờ trình and biên bản add theirs here.
 */
export const documentTypeLabels: Record<string, string> = {
  ...planDocTypeLabels,
  QĐ: 'Quyết định',
};

// The register's request and response schemas are the contract's: shared/api/documents.ts.
