import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { fixedDocumentDate, longDate, pdfFonts, type PdfFace } from '../documents/index';
import {
  preprintedFields,
  type CertificateField,
  type CertificateMode,
  type FieldOffsets,
} from '../../../shared/certificates';
import type { AwardSubject } from '../../../shared/awards';

/**
 * Certificates (Giấy khen, CSTĐCS) per Decree 98/2023 Art. 104 (decision 043): A4 landscape, one
 * page per certificate — Quốc hiệu / Tiêu ngữ, the signer's title and the form's name in red,
 * "TẶNG" (or "TẶNG DANH HIỆU" for a title), the recipient with position/unit and achievement;
 * decision number and date and the số sổ vàng bottom left; place, date, the signer's title,
 * signature space and name bottom right. Every field sits in a box; text shrinks (then wraps)
 * to fit its box and is cut with an ellipsis at the smallest size, so nothing leaves the page.
 * A template shifts each box (mm) and may set its font size; in blank mode (pre-printed paper)
 * only the variable fields are printed.
 */

/** One certificate: plain data, no database ids. Dates are ISO 'YYYY-MM-DD'. */
export type CertificateRow = {
  recipientKind: AwardSubject;
  /** Person's full name or the collective's name. */
  name: string;
  /** Position of a person (chức vụ); null for a collective. */
  position: string | null;
  /** Unit of a person, or the collective's parent unit; null if none is to be printed. */
  unit: string | null;
  /** The achievement, as the decision words it ("Đã có thành tích xuất sắc …"). */
  achievement: string;
  /** "Giấy khen", "Chiến sĩ thi đua cơ sở". */
  formName: string;
  /** A title (danh hiệu) reads "TẶNG DANH HIỆU"; a form (hình thức) "TẶNG". Default form. */
  awardKind?: 'title' | 'form';
  /** "12/QĐ-UBND". */
  decisionNumber: string;
  decisionDate: string;
  /** Số sổ vàng: the recipient's order number in the decision. */
  goldenBookNo: string | number | null;
  /** Địa danh: "An Khánh". */
  place: string;
  signDate: string;
  /** The signer's title: "CHỦ TỊCH" (red top line: "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG …"). */
  signerTitle: string;
  signerName: string;
  /** The issuing body: "Ủy ban nhân dân phường An Khánh". */
  issuerName: string;
};

/** How certificates are printed: the template's mode and per-field offsets. */
export type CertificateLayout = { mode: CertificateMode; offsets: FieldOffsets };

/** Plain paper, standard places. */
export const STANDARD_LAYOUT: CertificateLayout = { mode: 'full', offsets: {} };

const mm = (v: number) => (v * 72) / 25.4;
export const PAGE_MM = { width: 297, height: 210 } as const;
const RED = '#c00000';
const BLACK = '#000000';
const LINE_GAP = 1;

/** A field's standard box (mm), style and the smallest size it may shrink to. */
type Box = {
  x: number;
  y: number;
  w: number;
  /** Height of the box (mm): text is shrunk, wrapped and finally cut to stay inside. */
  h: number;
  size: number;
  minSize: number;
  face: PdfFace;
  color: string;
  align: 'left' | 'center';
};

const BOXES: Record<CertificateField, Box> = {
  nationalName: box(25, 21, 247, 8, 14, 11, 'bold'),
  motto: box(25, 28, 247, 8, 14, 11, 'bold'),
  issuerTitle: box(30, 42, 237, 16, 17, 11, 'bold', RED),
  verb: box(25, 60, 247, 8, 15, 11, 'bold'),
  formName: box(25, 68, 247, 15, 34, 18, 'bold', RED),
  recipientName: box(30, 86, 237, 13, 22, 12, 'bold'),
  recipientDetail: box(30, 100, 237, 12, 14, 9, 'italic'),
  achievement: box(30, 113, 237, 34, 15, 9, 'regular'),
  decision: box(22, 160, 115, 14, 12, 8, 'regular', BLACK, 'left'),
  goldenBook: box(22, 176, 115, 7, 12, 8, 'bold', BLACK, 'left'),
  placeDate: box(160, 152, 115, 7, 13, 8, 'italic'),
  signerTitle: box(160, 159, 115, 13, 14, 9, 'bold'),
  signerName: box(160, 186, 115, 8, 15, 9, 'bold'),
};

function box(
  x: number,
  y: number,
  w: number,
  h: number,
  size: number,
  minSize: number,
  face: PdfFace,
  color = BLACK,
  align: 'left' | 'center' = 'center',
): Box {
  return { x, y, w, h, size, minSize, face, color, align };
}

/** The text of each field for a row (NFC: decomposed accents render misplaced). */
export function certificateTexts(row: CertificateRow): Record<CertificateField, string> {
  const detail =
    row.recipientKind === 'individual'
      ? [row.position, row.unit]
      : [row.unit === null ? null : `Thuộc ${row.unit}`];
  const texts: Record<CertificateField, string> = {
    nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    issuerTitle: `${row.signerTitle} ${row.issuerName}`.toLocaleUpperCase('vi'),
    verb: row.awardKind === 'title' ? 'TẶNG DANH HIỆU' : 'TẶNG',
    formName: row.formName.toLocaleUpperCase('vi'),
    recipientName: row.name,
    recipientDetail: detail
      .filter((s): s is string => s !== null && s.trim() !== '')
      .map((s) => s.trim())
      .join(', '),
    achievement: row.achievement,
    decision: `Quyết định số ${row.decisionNumber}\n${longDate(row.decisionDate)}`,
    goldenBook:
      row.goldenBookNo === null || row.goldenBookNo === ''
        ? ''
        : `Số sổ vàng: ${String(row.goldenBookNo)}`,
    placeDate: `${row.place}, ${longDate(row.signDate)}`,
    signerTitle: row.signerTitle.toLocaleUpperCase('vi'),
    signerName: row.signerName,
  };
  for (const k of Object.keys(texts) as CertificateField[]) texts[k] = texts[k].normalize('NFC');
  return texts;
}

type Doc = PDFKit.PDFDocument;

/** A box moved by the template's offset and kept on the page. */
function placed(field: CertificateField, layout: CertificateLayout): Box {
  const b = BOXES[field];
  const o = layout.offsets[field];
  if (o === undefined) return b;
  const size = o.fontSize ?? b.size;
  // A larger font gets a proportionally taller box, so it is not shrunk straight back.
  const h = b.h * Math.max(1, size / b.size);
  return {
    ...b,
    x: clamp(b.x + o.x, 0, PAGE_MM.width - b.w),
    y: clamp(b.y + o.y, 0, PAGE_MM.height - h),
    h,
    size,
    minSize: Math.min(b.minSize, size),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Draws text in its box: the largest size from `size` down to `minSize` that fits, else cut. */
function drawField(doc: Doc, text: string, b: Box): void {
  const width = mm(b.w);
  const height = mm(b.h);
  const options = { width, align: b.align, lineGap: LINE_GAP } as const;
  let size = b.size;
  doc.font(b.face);
  while (size > b.minSize && doc.fontSize(size).heightOfString(text, options) > height)
    size = Math.max(b.minSize, size - 0.5);
  doc
    .fontSize(size)
    .fillColor(b.color)
    .text(text, mm(b.x), mm(b.y), { ...options, height, ellipsis: true });
}

/** The decorative double border and the rule under the motto (plain paper only). */
function drawFrame(doc: Doc, mottoBox: Box, motto: string): void {
  doc.save().strokeColor(RED);
  doc.lineWidth(2.2).rect(mm(10), mm(10), mm(277), mm(190)).stroke();
  doc.lineWidth(0.7).rect(mm(13), mm(13), mm(271), mm(184)).stroke();
  const width = doc.font(mottoBox.face).fontSize(mottoBox.size).widthOfString(motto);
  const centre = mm(mottoBox.x + mottoBox.w / 2);
  const y = mm(mottoBox.y) + mottoBox.size * 1.35;
  doc
    .strokeColor(BLACK)
    .lineWidth(0.6)
    .moveTo(centre - width / 2, y)
    .lineTo(centre + width / 2, y)
    .stroke();
  doc.restore();
}

function drawCertificate(doc: Doc, layout: CertificateLayout, row: CertificateRow): void {
  doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
  const texts = certificateTexts(row);
  const blank = layout.mode === 'blank';
  if (!blank && layout.offsets.motto === undefined) drawFrame(doc, BOXES.motto, texts.motto);
  for (const field of Object.keys(BOXES) as CertificateField[]) {
    if (blank && preprintedFields.includes(field)) continue;
    const text = texts[field];
    if (text.trim() === '') continue;
    drawField(doc, text, placed(field, layout));
  }
}

/** Pages written between yields to the event loop, so the output stream drains as it goes. */
const PAGES_PER_TURN = 25;

/**
 * Writes all certificates as one PDF into `out` (a file or HTTP stream), one A4 landscape page
 * per row, streaming: pages leave as they are drawn, so memory stays flat for thousands of rows.
 * Rows may come from an async source (a cursor). Byte-identical for the same input (fixed info
 * dates from the first row's decision date). Resolves with the page count once `out` finished.
 * `layout` may be chosen per row (a decision's rows of different forms use different templates).
 */
export async function streamCertificatesPdf(
  layout: CertificateLayout | ((row: CertificateRow) => CertificateLayout),
  rows: Iterable<CertificateRow> | AsyncIterable<CertificateRow>,
  out: Writable,
  meta: { title?: string; date?: string } = {},
): Promise<{ pages: number }> {
  const iterator =
    Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  let next = await iterator.next();
  const first = next.done === true ? null : next.value;
  const date = fixedDocumentDate(meta.date ?? first?.decisionDate ?? null, 2000);
  const doc = new PDFDocument({
    autoFirstPage: false,
    lang: 'vi-VN',
    info: {
      Title: meta.title ?? 'Giấy khen',
      Author: first?.issuerName ?? 'ThiĐua',
      Creator: 'ThiĐua',
      Producer: 'ThiĐua',
      CreationDate: date,
      ModDate: date,
    },
  });
  const f = pdfFonts();
  for (const face of Object.keys(f) as PdfFace[]) doc.registerFont(face, f[face]);
  const written = pipeline(doc, out);
  // The output may fail mid-way (the client went away): stop drawing, report it at the end.
  let failed = false;
  written.catch(() => {
    failed = true;
  });
  let pages = 0;
  while (next.done !== true && !failed) {
    const row = next.value;
    drawCertificate(doc, typeof layout === 'function' ? layout(row) : layout, row);
    pages += 1;
    if (pages % PAGES_PER_TURN === 0) await new Promise((r) => setImmediate(r));
    next = await iterator.next();
  }
  // A PDF needs at least one page: an empty list gives one blank page.
  if (pages === 0) doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
  doc.end();
  await written;
  return { pages };
}

/**
 * The same PDF as a readable stream, for an HTTP download (`sendStream`): written as it is read;
 * a failure destroys the stream with the error.
 */
export function certificatesPdfReadable(
  layout: CertificateLayout | ((row: CertificateRow) => CertificateLayout),
  rows: Iterable<CertificateRow> | AsyncIterable<CertificateRow>,
  meta: { title?: string; date?: string } = {},
): Readable {
  const out = new PassThrough();
  streamCertificatesPdf(layout, rows, out, meta).catch((e: unknown) =>
    out.destroy(e instanceof Error ? e : new Error(String(e))),
  );
  return out;
}

/** All certificates as one PDF in memory (previews, tests); see streamCertificatesPdf. */
export async function renderCertificatesPdf(
  layout: CertificateLayout | ((row: CertificateRow) => CertificateLayout),
  rows: Iterable<CertificateRow> | AsyncIterable<CertificateRow>,
  meta: { title?: string; date?: string } = {},
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await streamCertificatesPdf(layout, rows, sink, meta);
  return Buffer.concat(chunks);
}
