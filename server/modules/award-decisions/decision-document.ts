import type { PlanOutline } from '../../../shared/plan-outline';
import {
  deciderSymbols,
  DECISION_DOC_TYPE,
  type DecisionDecider,
} from '../../../shared/award-decisions';
import type { ReplaceKind } from '../../../shared/award-decisions';
import {
  deepNfc,
  groupThousands,
  longDate,
  lowerFirst,
  numberLine,
  placeDateLine,
  punctuateList,
  stripEndPunctuation,
  upper,
} from '../documents/index';
import { amountInWords } from '../../../shared/number-words';

/** What an award decision document is written from (a snapshot: issued ones never change). */
export type DecisionDocumentInput = {
  /** Cơ quan chủ quản, upper case, or null. */
  parentBody: string | null;
  /** "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN". */
  issuingBody: string;
  decider: DecisionDecider;
  /** "12/QĐ-UBND"; null on a draft. */
  documentNumber: string | null;
  /** Địa danh: "Lương Điền". */
  place: string;
  decisionDate: string;
  draft: boolean;
  /** Trích yếu: "Về việc khen thưởng …" (the words "Về việc" are added when missing). */
  title: string;
  legalBases: readonly string[];
  fundingSource: string;
  signerName: string;
  signerTitle: string;
  /** The decision this one cancels or corrects. */
  replaces: {
    kind: ReplaceKind;
    documentNumber: string;
    decisionDate: string;
    title: string;
    reason: string;
  } | null;
  rows: readonly {
    kind: 'person' | 'unit';
    name: string;
    positionText: string;
    achievement: string;
    formName: string;
    amount: number;
  }[];
};

export type AnnexColumn = { header: string; weight: number; align: 'left' | 'center' | 'right' };

/** The decision's outline: the frame every official document has, its articles and the annex. */
export type DecisionOutline = Pick<
  PlanOutline,
  'draftMark' | 'header' | 'docTypeHeading' | 'title' | 'recipients' | 'signer'
> & {
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …": the authority line above the căn cứ. */
  authority: string;
  legalBases: string[];
  /** "QUYẾT ĐỊNH:" */
  decides: string;
  articles: { label: string; text: string }[];
  annex: {
    heading: string;
    subheading: string;
    reference: string;
    columns: AnnexColumn[];
    rows: { cells: string[]; bold?: boolean }[];
  } | null;
};

const DEFAULT_BASES = [
  'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
  'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng',
];

/** "Về việc khen thưởng …": the trích yếu of a decision, "Về việc" added when the author left it out. */
export function decisionTitle(title: string): string {
  const t = stripEndPunctuation(title);
  return /^về việc\b/iu.test(t)
    ? `Về việc ${t.replace(/^về việc\s*/iu, '')}`
    : `Về việc ${lowerFirst(t)}`;
}

/** "03 cá nhân và 01 tập thể" (a count below 10 with a leading zero, as decisions write it). */
export function awardeeCount(rows: readonly { kind: 'person' | 'unit' }[]): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const people = rows.filter((r) => r.kind === 'person').length;
  const units = rows.length - people;
  const parts = [
    ...(units > 0 ? [`${pad(units)} tập thể`] : []),
    ...(people > 0 ? [`${pad(people)} cá nhân`] : []),
  ];
  return parts.join(' và ') || '00 cá nhân';
}

/** The sum of the rows' amounts. */
export function totalAmount(rows: readonly { amount: number }[]): number {
  return rows.reduce((s, r) => s + r.amount, 0);
}

/** "Ủy ban nhân dân xã Lương Điền" / "Chủ tịch Ủy ban nhân dân xã Lương Điền", as in a sentence. */
function issuerInSentence(input: DecisionDocumentInput): string {
  const body = input.issuingBody
    .toLocaleLowerCase('vi')
    .replace(/^ủy ban nhân dân/u, 'Ủy ban nhân dân')
    .replace(
      /(xã|phường|tỉnh|thành phố|huyện|quận|thị xã|thị trấn|đặc khu) (.+)$/u,
      (_, k: string, n: string) =>
        `${k} ${n.replace(/(^|\s)(\p{L})/gu, (m) => m.toLocaleUpperCase('vi'))}`,
    );
  return input.decider === 'chairman' ? `Chủ tịch ${body}` : body;
}

function articles(input: DecisionDocumentInput, written: string, total: number) {
  const list = input.rows.length > 0 ? `${awardeeCount(input.rows)} (có danh sách kèm theo)` : '';
  const execution = {
    label: 'Điều 3.',
    text:
      'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị ' +
      'có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
  };
  const money = {
    label: 'Điều 2.',
    text:
      `Tổng số tiền thưởng: ${groupThousands(total)} đồng (bằng chữ: ${lowerFirst(amountInWords(total))})` +
      (input.fundingSource.trim() === ''
        ? '.'
        : `, chi từ ${stripEndPunctuation(lowerFirst(input.fundingSource))}.`),
  };
  const r = input.replaces;
  if (r?.kind === 'cancel') {
    return [
      {
        label: 'Điều 1.',
        text:
          `Hủy bỏ Quyết định số ${r.documentNumber} ${longDate(r.decisionDate)} của ${written} ` +
          `${lowerFirst(decisionTitle(r.title))}. Lý do: ${stripEndPunctuation(r.reason)}.`,
      },
      {
        label: 'Điều 2.',
        text: 'Các khen thưởng, số sổ vàng và tiền thưởng theo Quyết định bị hủy bỏ không còn giá trị.',
      },
      execution,
    ];
  }
  const first =
    r?.kind === 'correct'
      ? `Đính chính Quyết định số ${r.documentNumber} ${longDate(r.decisionDate)} của ${written}: ` +
        `danh sách khen thưởng được thay thế bằng danh sách ${list}. Lý do: ${stripEndPunctuation(r.reason)}.`
      : `Khen thưởng ${list}, đã có thành tích được ghi tại danh sách.`;
  return [{ label: 'Điều 1.', text: first }, money, execution];
}

/** The annex columns: relative widths shared by the .docx and the .pdf. */
const ANNEX_COLUMNS: AnnexColumn[] = [
  { header: 'STT', weight: 5, align: 'center' },
  { header: 'Họ và tên / Tên tập thể', weight: 19, align: 'left' },
  { header: 'Chức vụ, đơn vị', weight: 19, align: 'left' },
  { header: 'Thành tích', weight: 27, align: 'left' },
  { header: 'Hình thức khen thưởng', weight: 17, align: 'left' },
  { header: 'Số tiền (đồng)', weight: 13, align: 'right' },
];

/**
 * Turns a decision into its outline (Decree 30/2020 layout): header, "QUYẾT ĐỊNH" and trích yếu,
 * the authority, căn cứ (the author's, or the Law and Decree 152 when none), "QUYẾT ĐỊNH:",
 * Điều 1–3 (award, amount and funding source, execution — or the cancellation of an earlier
 * decision), Nơi nhận and the signer; then the annex "DANH SÁCH … (Kèm theo Quyết định số …)"
 * with STT, name, position and unit, achievement, form, amount and the total. Pure.
 */
export function buildDecisionOutline(input: DecisionDocumentInput): DecisionOutline {
  const symbol = `${DECISION_DOC_TYPE}-${deciderSymbols[input.decider]}`;
  const written = issuerInSentence(input);
  const total = totalAmount(input.rows);
  const authority = upper(
    input.decider === 'chairman' ? `Chủ tịch ${input.issuingBody}` : input.issuingBody,
  );
  const bases = input.legalBases.length > 0 ? input.legalBases : DEFAULT_BASES;
  const legalBases = punctuateList(
    bases.map((b) => (/^(căn cứ|xét)\b/iu.test(b.trim()) ? b.trim() : `Căn cứ ${b.trim()}`)),
  );
  const dateText = input.draft ? '…' : longDate(input.decisionDate);
  const numberText = input.documentNumber ?? `     /${symbol}`;
  const annex =
    input.rows.length === 0
      ? null
      : {
          heading:
            input.replaces?.kind === 'correct'
              ? 'DANH SÁCH KHEN THƯỞNG (ĐÍNH CHÍNH)'
              : 'DANH SÁCH KHEN THƯỞNG',
          subheading: `(Kèm theo Quyết định số ${numberText} ${dateText} của ${written})`,
          reference: decisionTitle(input.title),
          columns: ANNEX_COLUMNS,
          rows: [
            ...input.rows.map((r, i) => ({
              cells: [
                String(i + 1),
                r.name,
                r.positionText,
                r.achievement,
                r.formName,
                groupThousands(r.amount),
              ],
            })),
            {
              cells: [
                '',
                `Tổng cộng: ${awardeeCount(input.rows)}`,
                '',
                '',
                '',
                groupThousands(total),
              ],
              bold: true,
            },
          ],
        };
  return deepNfc({
    draftMark: input.draft ? 'DỰ THẢO' : null,
    header: {
      parentBody: input.parentBody?.trim() || null,
      issuingBody: input.issuingBody.trim(),
      number: numberLine(input.documentNumber, symbol),
      nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeDate: placeDateLine(
        input.place.trim(),
        input.draft ? null : input.decisionDate,
        Number(input.decisionDate.slice(0, 4)),
      ),
    },
    docTypeHeading: 'QUYẾT ĐỊNH',
    title: decisionTitle(input.title),
    authority,
    legalBases,
    decides: 'QUYẾT ĐỊNH:',
    articles: articles(input, written, total),
    recipients: { heading: 'Nơi nhận:', lines: ['- Như Điều 3;', '- Lưu: VT.'] },
    signer: {
      authority: input.decider === 'committee' ? 'TM. ỦY BAN NHÂN DÂN' : null,
      title: upper(input.signerTitle.trim() || 'Chủ tịch'),
      name: input.signerName.trim() || null,
    },
    annex,
  });
}
