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
import type { PlanOutline, PlanOutlineBlock } from '../../../shared/plan-outline';

// The outline's shape is shared with the web's preview (one definition).
export type { PlanOutline, PlanOutlineBlock };

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
