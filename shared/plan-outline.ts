import { z } from 'zod';

/**
 * A plan document as plain JSON (no functions, no dates): what the .docx and .pdf renderers
 * (server/modules/documents) lay out and what the web app previews as HTML
 * (POST /api/plans/:id/preview). All strings are NFC. One definition for both sides.
 */

/**
 * One paragraph of the body, its text complete as printed (numbers, dashes and final
 * punctuation included), so every renderer (docx, pdf, the web preview) prints the same words.
 * - `heading`: a Roman-numeral section, upper case, bold ("I. MỤC ĐÍCH, YÊU CẦU");
 * - `subheading`: a numbered part of a section, bold ("1. Mục đích");
 * - `paragraph`: body text, justified, first-line indent;
 * - `bullet`: a list line, already starting with "- " (or "+ " when the author wrote one);
 * - `legalBasis`: a "Căn cứ …;" line, italic.
 */
export const PlanOutlineBlock = z.object({
  type: z.enum(['heading', 'subheading', 'paragraph', 'bullet', 'legalBasis']),
  text: z.string(),
});
export type PlanOutlineBlock = z.infer<typeof PlanOutlineBlock>;

export const PlanOutline = z
  .object({
    /** "DỰ THẢO" on a draft, else null. */
    draftMark: z.string().nullable(),
    header: z.object({
      /** Left column, upright upper case; null when the issuing body has no parent body. */
      parentBody: z.string().nullable(),
      /** Left column, bold upper case, short rule below. */
      issuingBody: z.string(),
      /** Left column under the rule: "Số: 47/KH-UBND" or "Số:      /KH-UBND". */
      number: z.string(),
      /** Right column, bold: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". */
      nationalName: z.string(),
      /** Right column, bold, rule below: "Độc lập - Tự do - Hạnh phúc". */
      motto: z.string(),
      /** Right column, italic, on the line of the number: "Châu Thành, ngày 18 tháng 02 năm 2022". */
      placeDate: z.string(),
    }),
    /** Centred bold "KẾ HOẠCH" / "HƯỚNG DẪN" / "CHƯƠNG TRÌNH". */
    docTypeHeading: z.string(),
    /** Centred bold trích yếu, short rule below. */
    title: z.string(),
    /** Legal bases, preamble, sections, closing paragraph — in reading order. */
    blocks: z.array(PlanOutlineBlock),
    /** Bottom left: heading "Nơi nhận:" (12pt bold italic) and its lines "- …;" (11pt). */
    recipients: z.object({ heading: z.string(), lines: z.array(z.string()) }),
    /** Bottom right, centred: authority and title bold upper case, space to sign, then the name. */
    signer: z
      .object({ authority: z.string().nullable(), title: z.string(), name: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'PlanOutline' });
export type PlanOutline = z.infer<typeof PlanOutline>;
