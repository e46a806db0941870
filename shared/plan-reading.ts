import { z } from 'zod';

/**
 * What the plan reader (server/modules/campaigns/plan-reader) finds in a plan's text, as both
 * sides see it (POST /api/plans/import answers it): a draft of a campaign plan (kế hoạch phát
 * động thi đua) with every field it could find in the source text. Absent fields are `null` or
 * `[]`; nothing is invented.
 */

const isoDate = z.iso.date();
const text = z.string().min(1);
const scope = z.enum(['collective', 'individual']);

export const PlanImportJson = z
  .object({
    /** "contest" when the title names a cuộc thi / hội thi / thể lệ; otherwise "campaign". */
    kind: z.enum(['campaign', 'contest']),
    /** "47/KH-UBND"; null when the number is left blank ("Số: /KH-UBND"). */
    documentNumber: text.nullable(),
    /** "KH-UBND", also when the number is blank. */
    documentSymbol: text.nullable(),
    /** Null when the day or the month is blank ("ngày    tháng 5 năm 2024"). */
    issuedOn: isoDate.nullable(),
    issuedYear: z.number().int().nullable(),
    place: text.nullable(),
    issuer: text.nullable(),
    title: text.nullable(),
    legalBases: z.array(
      z.object({ text, number: text.nullable(), date: isoDate.nullable() }).strict(),
    ),
    periodStart: isoDate.nullable(),
    /** The last day included: "đến trước ngày 20/12/2023" ends on 2023-12-19. */
    periodEnd: isoDate.nullable(),
    registrationDeadline: isoDate.nullable(),
    deadlines: z.array(z.object({ text, date: isoDate }).strict()),
    participants: z
      .object({
        collectives: z.array(text),
        individuals: z.array(text),
        excluded: z.array(text),
      })
      .strict(),
    contents: z.array(text),
    criteria: z.object({ collective: z.array(text), individual: z.array(text) }).strict(),
    rewards: z.array(
      z
        .object({
          form: text,
          issuerTitle: text.nullable(),
          amountVnd: z.number().int().nonnegative().nullable(),
        })
        .strict(),
    ),
    quotas: z.array(
      z
        .object({
          scope,
          level: text.nullable(),
          maxCount: z.number().int().nonnegative().nullable(),
          maxPercent: z.number().min(0).max(100).nullable(),
        })
        .strict(),
    ),
    dossier: z.array(text),
    prizes: z.array(
      z
        .object({
          rank: text,
          count: z.number().int().positive().nullable(),
          recipient: scope.nullable(),
        })
        .strict(),
    ),
    entryQuotas: z.array(
      z.object({ unitType: text, minEntries: z.number().int().positive() }).strict(),
    ),
    /** Null when neither a title line nor a name was found. */
    signer: z.object({ title: text.nullable(), name: text.nullable() }).strict().nullable(),
    recipients: z.array(text),
  })
  .strict();
export type PlanImportJson = z.infer<typeof PlanImportJson>;

export type Scope = z.infer<typeof scope>;

/** Where a field came from: `field` is a JSON path ("legalBases.0", "issuedOn"). */
export const Evidence = z.object({
  field: z.string(),
  /** The source text, trimmed, at most 300 characters (longer spans end with "…"). */
  excerpt: z.string(),
  /** Offsets of the whole span in the NFC form of the input (the input itself when it is NFC). */
  start: z.number().int(),
  end: z.number().int(),
});
export type Evidence = z.infer<typeof Evidence>;
