import type { CampaignMode, PlanContent, PlanDocType, PlanKind } from '../../../shared/campaign';
import {
  deepNfc,
  docTypeHeadings,
  docTypeWords,
  lowerFirst,
  numberLine,
  placeDateLine,
  punctuateList,
  roman,
  stripEndPunctuation,
  upper,
} from './plan-format';
import { buildSections } from './plan-sections';
import { foldVietnamese } from '../../platform/text';

/** What a plan document is written from: the plan row's header fields plus its content. */
export type PlanDocumentInput = {
  /** Cơ quan chủ quản, upper case ("UBND HUYỆN CẨM GIÀNG"), or null for a top-level body. */
  parentBody: string | null;
  /** Issuing body, upper case ("ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN"). */
  issuingBody: string;
  docType: PlanDocType;
  /** "47/KH-UBND"; null on a draft (the number is left blank). */
  documentNumber: string | null;
  /** "KH-UBND". */
  documentSymbol: string;
  /** Địa danh: "Lương Điền". */
  place: string;
  /** 'YYYY-MM-DD'; null on a draft (day and month left blank, year = draftYear). */
  issuedOn: string | null;
  draftYear: number;
  /** Trích yếu. */
  title: string;
  kind: PlanKind;
  mode: CampaignMode | null;
  periodStart: string | null;
  periodEnd: string | null;
  registrationDeadline: string | null;
  /** Lower units that must issue their own plan "căn cứ" this one, and by when. */
  cascade: { deadline: string | null; unitNames: string[] } | null;
  content: PlanContent;
  /** Marks the document "DỰ THẢO". */
  draft: boolean;
};

/**
 * One paragraph of the body, its text complete as printed (numbers, dashes and final
 * punctuation included), so every renderer (docx, pdf, the web preview) prints the same words.
 * - `heading`: a Roman-numeral section, upper case, bold ("I. MỤC ĐÍCH, YÊU CẦU");
 * - `subheading`: a numbered part of a section, bold ("1. Mục đích");
 * - `paragraph`: body text, justified, first-line indent;
 * - `bullet`: a list line, already starting with "- " (or "+ " when the author wrote one);
 * - `legalBasis`: a "Căn cứ …;" line, italic.
 */
export type PlanOutlineBlock = {
  type: 'heading' | 'subheading' | 'paragraph' | 'bullet' | 'legalBasis';
  text: string;
};

/**
 * A plan document as plain JSON (no functions, no dates): what the .docx and .pdf renderers
 * lay out and what the web app previews as HTML. All strings are NFC.
 */
export type PlanOutline = {
  /** "DỰ THẢO" on a draft, else null. */
  draftMark: string | null;
  header: {
    /** Left column, upright upper case; null when the issuing body has no parent body. */
    parentBody: string | null;
    /** Left column, bold upper case, short rule below. */
    issuingBody: string;
    /** Left column under the rule: "Số: 47/KH-UBND" or "Số:      /KH-UBND". */
    number: string;
    /** Right column, bold: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". */
    nationalName: string;
    /** Right column, bold, rule below: "Độc lập - Tự do - Hạnh phúc". */
    motto: string;
    /** Right column, italic, on the line of the number: "Châu Thành, ngày 18 tháng 02 năm 2022". */
    placeDate: string;
  };
  /** Centred bold "KẾ HOẠCH" / "HƯỚNG DẪN" / "CHƯƠNG TRÌNH". */
  docTypeHeading: string;
  /** Centred bold trích yếu, short rule below. */
  title: string;
  /** Legal bases, preamble, sections, closing paragraph — in reading order. */
  blocks: PlanOutlineBlock[];
  /** Bottom left: heading "Nơi nhận:" (12pt bold italic) and its lines "- …;" (11pt). */
  recipients: { heading: string; lines: string[] };
  /** Bottom right, centred: authority and title bold upper case, space to sign, then the name. */
  signer: { authority: string | null; title: string; name: string | null } | null;
};

const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const DRAFT_MARK = 'DỰ THẢO';

/** "Chỉ thị số 23/CT-TTg …" → "Căn cứ Chỉ thị số 23/CT-TTg …"; kept when it already cites. */
function citeLegalBasis(text: string): string {
  return /^(căn cứ|thực hiện)\b/iu.test(text.trim()) ? text.trim() : `Căn cứ ${text.trim()}`;
}

/** Ensures the closing sentence ends with Decree 30's end mark "./.". */
function withEndMark(text: string): string {
  const t = text.trim();
  return /\/\.$/u.test(t) ? t : `${stripEndPunctuation(t)}./.`;
}

function defaultClosing(input: PlanDocumentInput): string {
  return (
    `Trên đây là ${docTypeWords[input.docType]} ${lowerFirst(input.title.trim())}, ` +
    'đề nghị các cơ quan, đơn vị, địa phương nghiêm túc triển khai, thực hiện./.'
  );
}

/**
 * An archive line ("Lưu: VT", also as imported without accents or with OCR noise: "Luu: VT.",
 * "LƯU VT", "Lưu VP").
 */
export function isArchiveLine(recipient: string): boolean {
  return /^l[uw]u?\b/u.test(foldVietnamese(recipient.replace(/^[-+•]\s*/u, '')));
}

/**
 * Recipients as "- …;" lines, the last ending "."; exactly one archive line, last: the first one
 * the plan names (imported plans carry their own), else "- Lưu: VT.".
 */
function recipientLines(recipients: readonly string[]): string[] {
  const names = recipients.map((r) => r.trim().replace(/^[-+•]\s*/u, '')).filter((r) => r !== '');
  const archive = names.find(isArchiveLine) ?? 'Lưu: VT';
  return punctuateList([...names.filter((r) => !isArchiveLine(r)), archive]).map((r) => `- ${r}`);
}

/**
 * Turns a structured plan into the outline of its official document (Decree 30/2020 layout):
 * header fields, type heading and trích yếu, legal bases ("Căn cứ …;" and "." on the last),
 * the preamble, Roman-numbered sections built from the structured fields (sections without data
 * are left out and the numbering stays consecutive), the closing paragraph ending "./.",
 * recipients and the signature block. Pure: same input, same outline.
 * @throws Error when a date is not 'YYYY-MM-DD'.
 */
export function buildPlanOutline(input: PlanDocumentInput): PlanOutline {
  const { content } = input;
  const blocks: PlanOutlineBlock[] = [];

  const bases = punctuateList(content.legalBases.map((b) => citeLegalBasis(b.text)));
  for (const text of bases) blocks.push({ type: 'legalBasis', text });
  if (content.preamble !== null) blocks.push({ type: 'paragraph', text: content.preamble });

  buildSections(input).forEach((section, i) => {
    blocks.push({ type: 'heading', text: `${roman(i + 1)}. ${upper(section.title)}` });
    blocks.push(...section.blocks);
  });

  blocks.push({
    type: 'paragraph',
    text: withEndMark(content.closing ?? defaultClosing(input)),
  });

  const signer = content.signer;
  return deepNfc({
    draftMark: input.draft ? DRAFT_MARK : null,
    header: {
      parentBody: input.parentBody?.trim() || null,
      issuingBody: input.issuingBody.trim(),
      number: numberLine(input.documentNumber, input.documentSymbol),
      nationalName: NATIONAL_NAME,
      motto: MOTTO,
      placeDate: placeDateLine(input.place.trim(), input.issuedOn, input.draftYear),
    },
    docTypeHeading: docTypeHeadings[input.docType],
    title: input.title.trim(),
    blocks,
    recipients: { heading: 'Nơi nhận:', lines: recipientLines(content.recipients) },
    signer: signer && {
      authority: signer.authority === null ? null : upper(signer.authority),
      title: signer.title === null ? '' : upper(signer.title),
      name: signer.name,
    },
  });
}
