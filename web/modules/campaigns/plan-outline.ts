/**
 * The official layout of a plan as the server's POST /api/plans/:id/preview returns it. A copy of
 * the PlanOutline type in server/modules/documents/plan-document.ts (web never imports server
 * code): keep the two in step.
 */

/**
 * One paragraph of the body, its text complete as printed.
 * - `heading`: a Roman-numeral section, upper case, bold ("I. MỤC ĐÍCH, YÊU CẦU");
 * - `subheading`: a numbered part of a section, bold ("1. Mục đích");
 * - `paragraph`: body text, justified, first-line indent;
 * - `bullet`: a list line, already starting with "- " (or "+ ");
 * - `legalBasis`: a "Căn cứ …;" line, italic.
 */
export type PlanOutlineBlock = {
  type: 'heading' | 'subheading' | 'paragraph' | 'bullet' | 'legalBasis';
  text: string;
};

export type PlanOutline = {
  /** "DỰ THẢO" on a draft, else null. */
  draftMark: string | null;
  header: {
    /** Left column, upright upper case; null when the issuing body has no parent body. */
    parentBody: string | null;
    /** Left column, bold upper case, short rule below. */
    issuingBody: string;
    /** "Số: 47/KH-UBND" or "Số:      /KH-UBND". */
    number: string;
    /** Right column, bold: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". */
    nationalName: string;
    /** Right column, bold, rule below: "Độc lập - Tự do - Hạnh phúc". */
    motto: string;
    /** Right column, italic: "Châu Thành, ngày 18 tháng 02 năm 2022". */
    placeDate: string;
  };
  /** Centred bold "KẾ HOẠCH" / "HƯỚNG DẪN" / "CHƯƠNG TRÌNH". */
  docTypeHeading: string;
  /** Centred bold trích yếu, short rule below. */
  title: string;
  /** Legal bases, preamble, sections, closing paragraph — in reading order. */
  blocks: PlanOutlineBlock[];
  /** Bottom left: "Nơi nhận:" and its lines "- …;". */
  recipients: { heading: string; lines: string[] };
  /** Bottom right, centred: authority and title bold upper case, space to sign, then the name. */
  signer: { authority: string | null; title: string; name: string | null } | null;
};
