import { z } from 'zod';

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
export const SubjectKind = { plan: 'plan' } as const;
export type SubjectKind = (typeof SubjectKind)[keyof typeof SubjectKind];
export const subjectKindLabels: Record<SubjectKind, string> = { plan: 'Kế hoạch thi đua' };

/** Names of the document types (Decree 30/2020, Appendix III abbreviations) the register shows. */
export const documentTypeLabels: Record<string, string> = {
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
};

/** A row of the register: a number's entry, or a gap (a number never used). */
export const RegisterRow = z.object({
  /** Null for a gap. */
  id: z.number().int().nullable(),
  year: z.number().int(),
  docType: z.string(),
  issuerSymbol: z.string(),
  number: z.number().int(),
  /** "05/KH-UBND". */
  documentNumber: z.string(),
  /** Null for a gap. */
  status: z.enum(registerStatuses).nullable(),
  gap: z.boolean(),
  subjectKind: z.enum(['plan']).nullable(),
  subjectId: z.number().int().nullable(),
  summary: z.string().nullable(),
  issuedOn: z.string().nullable(),
  reason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /** Whether the actor may cancel this number (server-computed). */
  canCancel: z.boolean(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export const RegisterPage = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  /** The years that have entries, newest first (for the year selector). */
  years: z.array(z.number().int()),
  /** The document types that have entries in the year. */
  docTypes: z.array(z.string()),
  items: z.array(RegisterRow),
  total: z.number().int(),
  /** Gaps in the whole year's register (all types), whatever the filter. */
  gapCount: z.number().int(),
});
export type RegisterPage = z.infer<typeof RegisterPage>;

export const CancelNumberBody = z.object({ reason: z.string() });
