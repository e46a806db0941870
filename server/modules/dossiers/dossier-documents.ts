import type { ReportVariant } from '../../../shared/dossiers';
import {
  deepNfc,
  lowerFirst,
  numberLine,
  placeDateLine,
  punctuateList,
  roman,
  shortDate,
  stripEndPunctuation,
  upper,
  type OfficialBlock,
  type OfficialOutline,
} from '../documents/index';

/**
 * The dossier documents as official outlines (Decree 30/2020 layout, rendered by documents'
 * `renderOutlineDocx` / `renderOutlinePdf`): the report of achievements (Mẫu 05 of Decree 152
 * for an individual; a collective's; a thematic campaign's), the tờ trình (Mẫu 01) and the list
 * of nominees. Pure: the same facts give the same outline. Free-text parts come already resolved
 * (the proposer's text, or the default from the data).
 */

const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** What an empty part prints: a line to fill in by hand. */
const BLANK = '……………………………………………………………………';

/** The issuing side of a document: the proposing unit, its parent, where it sits. */
export type Issuer = {
  /** Upper case, "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN". */
  issuingBody: string;
  parentBody: string | null;
  /** The body's name in running text: "Ủy ban nhân dân xã Lương Điền". */
  name: string;
  /** Địa danh: "Lương Điền". */
  place: string;
  /** The issuer symbol of its documents: "UBND". */
  symbol: string;
};

export type HistoryLine = { year: number; formName: string; decision: string | null };

export type ReportFacts = {
  variant: ReportVariant;
  subject:
    | {
        kind: 'person';
        fullName: string;
        gender: 'male' | 'female' | null;
        birthYear: number | null;
        position: string | null;
        unitName: string;
      }
    | { kind: 'unit'; name: string; parentName: string | null };
  formName: string;
  planTitle: string;
  periodFrom: string;
  periodTo: string;
  issuer: Issuer;
  /** 'YYYY-MM-DD': the date printed (the submission's, once frozen). */
  date: string;
  /** Part key → text (resolved). */
  parts: Record<string, string>;
  /** Awards already received, newest first (honours' history). */
  history: HistoryLine[];
};

/** A nominee of a tờ trình / list. */
export type Nominee = {
  kind: 'person' | 'unit';
  name: string;
  /** Position and unit of a person ("Công chức Văn phòng, Bộ phận một cửa"); null for a collective. */
  detail: string | null;
  formName: string;
  achievement: string;
  periodFrom: string;
  periodTo: string;
};

export type RequestFacts = {
  issuer: Issuer;
  date: string;
  planTitle: string;
  /** The round's words: "năm 2025", "tổng kết giai đoạn 2021-2025". */
  roundText: string;
  nominees: Nominee[];
  /** Part key → text (resolved). `signerAuthority` is derived ("TM. ỦY BAN NHÂN DÂN"), not edited. */
  parts: Record<string, string>;
  signerAuthority: string | null;
};

/** Splits a free text into body paragraphs (blank lines and line breaks separate them). */
function paragraphs(text: string | undefined): OfficialBlock[] {
  const lines = (text ?? '')
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return (lines.length === 0 ? [BLANK] : lines).map((l) => ({ type: 'paragraph', text: l }));
}

/** The lines of a one-item-a-line part. */
export function partLines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/u)
    .map((l) => l.trim().replace(/^[-+•]\s*/u, ''))
    .filter((l) => l !== '');
}

const period = (from: string, to: string) => `từ ngày ${shortDate(from)} đến ngày ${shortDate(to)}`;

function header(issuer: Issuer, symbol: string | null, date: string) {
  return {
    parentBody: issuer.parentBody,
    issuingBody: issuer.issuingBody,
    number: symbol === null ? '' : numberLine(null, symbol),
    nationalName: NATIONAL_NAME,
    motto: MOTTO,
    placeDate: placeDateLine(issuer.place, date, Number(date.slice(0, 4))),
  };
}

function historyTable(history: HistoryLine[]): OfficialBlock {
  return {
    type: 'table',
    columns: [
      { title: 'Năm', width: 12 },
      { title: 'Danh hiệu thi đua, hình thức khen thưởng', width: 44 },
      { title: 'Số, ngày, tháng, năm của quyết định; cơ quan ban hành', width: 44 },
    ],
    rows:
      history.length === 0
        ? [['', 'Chưa có', '']]
        : history.map((h) => [String(h.year), h.formName, h.decision ?? '']),
  };
}

/**
 * The report of achievements. An individual's follows Mẫu 05 of Decree 152: header with the
 * Quốc hiệu only, "BÁO CÁO THÀNH TÍCH / ĐỀ NGHỊ TẶNG <form>", I. Sơ lược lý lịch, II. Thành tích
 * đạt được (1. nhiệm vụ được giao, 2. thành tích, 3. biện pháp, 4. sáng kiến), III. Các hình
 * thức đã được khen thưởng (the history as a table); signed by the reporter, confirmed by the
 * head of the unit. A collective's: the unit's header, I. Đặc điểm, tình hình, II. Thành tích,
 * III. Khen thưởng đã đạt; signed by the head. The thematic variant reports the achievements in
 * the campaign (no history section).
 */
export function buildReportOutline(f: ReportFacts): OfficialOutline {
  const person = f.subject.kind === 'person' ? f.subject : null;
  const unit = f.subject.kind === 'unit' ? f.subject : null;
  const blocks: OfficialBlock[] = [];
  let n = 0;
  const heading = (text: string) =>
    blocks.push({ type: 'heading', text: `${roman(++n)}. ${text}` });
  const sub = (i: number, text: string) =>
    blocks.push({ type: 'subheading', text: `${i}. ${text}` });

  if (person !== null) {
    heading('SƠ LƯỢC LÝ LỊCH');
    const gender = person.gender === 'female' ? 'Nữ' : person.gender === 'male' ? 'Nam' : '';
    blocks.push(
      { type: 'bullet', text: `- Họ và tên: ${person.fullName}; Giới tính: ${gender || '……'}` },
      { type: 'bullet', text: `- Năm sinh: ${person.birthYear ?? '……'}` },
      {
        type: 'bullet',
        text: `- Chức vụ, đơn vị công tác: ${[person.position, person.unitName].filter(Boolean).join(', ')}`,
      },
    );
  } else if (unit !== null) {
    heading('ĐẶC ĐIỂM, TÌNH HÌNH');
    blocks.push({
      type: 'bullet',
      text: `- Tên tập thể: ${unit.name}${unit.parentName === null ? '' : ` (${unit.parentName})`}`,
    });
    blocks.push(...paragraphs(f.parts['situation']));
  }

  const thematic = f.variant === 'thematic';
  heading(
    thematic
      ? `THÀNH TÍCH ĐẠT ĐƯỢC TRONG PHONG TRÀO THI ĐUA ${upper(stripEndPunctuation(f.planTitle))}`
      : 'THÀNH TÍCH ĐẠT ĐƯỢC',
  );
  blocks.push({
    type: 'paragraph',
    text: `Thời gian đạt thành tích: ${period(f.periodFrom, f.periodTo)}.`,
  });
  let i = 0;
  if (person !== null) {
    sub(++i, 'Quyền hạn, nhiệm vụ được giao hoặc đảm nhận');
    blocks.push(...paragraphs(f.parts['duties']));
  }
  sub(++i, person !== null ? 'Thành tích đạt được của cá nhân' : 'Thành tích đạt được');
  blocks.push(...paragraphs(f.parts['achievements']));
  sub(++i, 'Các biện pháp, giải pháp công tác đã áp dụng');
  blocks.push(...paragraphs(f.parts['measures']));
  if (person !== null && f.variant === 'individual') {
    sub(++i, 'Sáng kiến, đề tài, giải pháp');
    blocks.push(...paragraphs(f.parts['initiatives']));
  }

  if (!thematic) {
    heading(
      person !== null ? 'CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG' : 'CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐẠT',
    );
    blocks.push(historyTable(f.history));
  }

  return deepNfc({
    draftMark: null,
    // Mẫu 05 of a person: no issuing body (the Quốc hiệu alone), the unit's place.
    header: header(
      person === null ? f.issuer : { ...f.issuer, issuingBody: '', parentBody: null },
      null,
      f.date,
    ),
    docTypeHeading: 'BÁO CÁO THÀNH TÍCH',
    title: `ĐỀ NGHỊ TẶNG ${upper(f.formName)}${thematic ? ' THEO CHUYÊN ĐỀ' : ''}`,
    blocks,
    recipients:
      person !== null
        ? { heading: 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', lines: [] }
        : { heading: '', lines: [] },
    signer:
      person !== null
        ? { authority: null, title: 'NGƯỜI BÁO CÁO THÀNH TÍCH', name: person.fullName }
        : { authority: null, title: 'THỦ TRƯỞNG ĐƠN VỊ', name: null },
  });
}

/** Counts of collectives and individuals: "02 tập thể và 03 cá nhân". */
export function nomineeCount(nominees: readonly Nominee[]): string {
  const pad = (k: number) => String(k).padStart(2, '0');
  const units = nominees.filter((x) => x.kind === 'unit').length;
  const people = nominees.length - units;
  return [units > 0 ? `${pad(units)} tập thể` : null, people > 0 ? `${pad(people)} cá nhân` : null]
    .filter(Boolean)
    .join(' và ');
}

/** Nominees grouped by form, collectives before individuals, in name order within each. */
function byForm(nominees: readonly Nominee[]): Map<string, Nominee[]> {
  const groups = new Map<string, Nominee[]>();
  const sorted = [...nominees].sort(
    (a, b) =>
      a.formName.localeCompare(b.formName, 'vi') ||
      (a.kind === b.kind ? 0 : a.kind === 'unit' ? -1 : 1) ||
      a.name.localeCompare(b.name, 'vi'),
  );
  for (const x of sorted) groups.set(x.formName, [...(groups.get(x.formName) ?? []), x]);
  return groups;
}

const requestSymbol = (issuer: Issuer) => `TTr-${issuer.symbol}`;

/**
 * The tờ trình (Mẫu 01 of Decree 152): the proposing unit's header and number line
 * (Số:      /TTr-…), "TỜ TRÌNH / Về việc đề nghị khen thưởng …", Kính gửi, the căn cứ, the
 * summary, the proposal with the nominees per form (a table: name, position and unit, form),
 * "(Có danh sách kèm theo)", the closing, Nơi nhận and the signer.
 */
export function buildRequestOutline(f: RequestFacts): OfficialOutline {
  const p = f.parts;
  const blocks: OfficialBlock[] = [
    { type: 'centred', text: `Kính gửi: ${stripEndPunctuation(p['addressee'] ?? '')}.` },
  ];
  const bases = partLines(p['legalBases']).map((b) =>
    /^(căn cứ|thực hiện)\b/iu.test(b) ? b : `Căn cứ ${b}`,
  );
  for (const text of punctuateList(bases)) blocks.push({ type: 'legalBasis', text });
  blocks.push(...paragraphs(p['summary']));
  blocks.push({
    type: 'paragraph',
    text:
      `${f.nominees.length === 0 ? 'Đề nghị' : `Đề nghị khen thưởng cho ${nomineeCount(f.nominees)}`}` +
      `, cụ thể như sau:`,
  });
  let i = 0;
  for (const [form, list] of byForm(f.nominees)) {
    blocks.push({ type: 'subheading', text: `${++i}. ${form}: ${nomineeCount(list)}` });
  }
  blocks.push({
    type: 'table',
    columns: [
      { title: 'STT', width: 8 },
      { title: 'Tên tập thể, cá nhân', width: 40 },
      { title: 'Chức vụ, đơn vị', width: 28 },
      { title: 'Hình thức đề nghị', width: 24 },
    ],
    rows: [...byForm(f.nominees).values()]
      .flat()
      .map((x, k) => [String(k + 1), x.name, x.detail ?? '', x.formName]),
  });
  blocks.push({ type: 'centred', text: '(Có danh sách kèm theo)', italics: true });
  blocks.push(...paragraphs(p['proposal']));

  const recipients = partLines(p['recipients']);
  return deepNfc({
    draftMark: null,
    header: header(f.issuer, requestSymbol(f.issuer), f.date),
    docTypeHeading: 'TỜ TRÌNH',
    title: `Về việc đề nghị khen thưởng ${lowerFirst(f.roundText)}`,
    blocks,
    recipients: {
      heading: 'Nơi nhận:',
      lines: punctuateList(recipients.length === 0 ? ['Lưu: VT'] : recipients).map((r) => `- ${r}`),
    },
    signer: {
      authority: f.signerAuthority,
      title: upper(p['signerTitle'] ?? ''),
      name: (p['signerName'] ?? '').trim() || null,
    },
  });
}

/**
 * The list of nominees sent with the tờ trình (danh sách kèm theo), landscape: per form a row
 * heading the group, then STT, name, position and unit, achievement in short, its period.
 */
export function buildListOutline(f: RequestFacts): OfficialOutline {
  const rows: string[][] = [];
  let k = 0;
  [...byForm(f.nominees)].forEach(([form, list], g) => {
    rows.push([roman(g + 1), `${form} (${nomineeCount(list)})`, '', '', '']);
    for (const x of list)
      rows.push([
        String(++k),
        x.name,
        x.detail ?? '',
        x.achievement,
        `${shortDate(x.periodFrom)} - ${shortDate(x.periodTo)}`,
      ]);
  });
  return deepNfc({
    draftMark: null,
    landscape: true,
    header: header(f.issuer, null, f.date),
    docTypeHeading: 'DANH SÁCH',
    title: `Đề nghị khen thưởng ${lowerFirst(f.roundText)}`,
    blocks: [
      {
        type: 'centred',
        text: `(Kèm theo Tờ trình số      /${requestSymbol(f.issuer)} ngày ${shortDate(f.date)} của ${f.issuer.name})`,
        italics: true,
      },
      {
        type: 'table',
        columns: [
          { title: 'STT', width: 6 },
          { title: 'Tên tập thể, cá nhân', width: 24 },
          { title: 'Chức vụ, đơn vị', width: 22 },
          { title: 'Thành tích (tóm tắt)', width: 34 },
          { title: 'Thời gian đạt thành tích', width: 14 },
        ],
        rows: rows.length === 0 ? [['', 'Chưa có đề nghị', '', '', '']] : rows,
      },
    ],
    recipients: { heading: '', lines: [] },
    signer: {
      authority: f.signerAuthority,
      title: upper(f.parts['signerTitle'] ?? ''),
      name: (f.parts['signerName'] ?? '').trim() || null,
    },
  });
}
