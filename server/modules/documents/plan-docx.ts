import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { buildPlanOutline, type PlanDocumentInput } from './plan-document';
import type { OfficialBlock, OfficialOutline, OutlineTable } from './official-outline';
import { fixedDocumentDate, normaliseDocx } from './docx-package';
import { headerLines } from './plan-format';
import {
  BODY_SPACING,
  LANDSCAPE_TEXT_WIDTH,
  TEXT_WIDTH,
  centred,
  line,
  officialDocument,
  rule,
  run,
  twoColumns,
} from './docx-kit';

/**
 * The plan as a Word document laid out per Decree 30/2020/NĐ-CP, Appendix I: A4 portrait,
 * margins 20/20/30/15 mm, Times New Roman, a borderless two-column header (issuing body | Quốc
 * hiệu), page numbers centred in the top margin from page 2, and a two-column closing block
 * (Nơi nhận | signature). Sizes below are in twips (1/20 pt) and half-points, as OOXML has them.
 */

/** Left column of the header: wide enough for "ỦY BAN NHÂN DÂN", leaves the Quốc hiệu one line. */
const HEADER_LEFT = 3600;
const SIGN_LEFT = 4300;
const INDENT = 720; // 1.27 cm first-line indent

const textWidth = (o: Pick<OfficialOutline, 'landscape'>) =>
  o.landscape === true ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;

/** The two-column header (issuing body, number | Quốc hiệu, place and date) of any document. */
export function headerTable(o: Pick<OfficialOutline, 'header' | 'landscape'>): Table {
  const h = o.header;
  const width = textWidth(o);
  const HEADER_RIGHT = width - HEADER_LEFT;
  const names = [
    ...headerLines(h.parentBody ?? '').map((t) => centred(t, { size: 13 })),
    ...headerLines(h.issuingBody).map((t) => centred(t, { size: 13, bold: true })),
  ];
  // No issuing body (a personal report, Mẫu 05): the left column stays empty, without a rule.
  const bodies = names.length === 0 ? [] : [...names, rule(1300, HEADER_LEFT)];
  const nation = [
    centred(h.nationalName, { size: 13, bold: true }),
    centred(h.motto, { size: 14, bold: true }),
    rule(3500, HEADER_RIGHT),
  ];
  const spaced = { spacing: { before: 120, after: 0 } };
  return twoColumns(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      [bodies, nation],
      [
        [centred(h.number, { size: 13 }, spaced)],
        [centred(h.placeDate, { size: 14, italics: true }, spaced)],
      ],
    ],
    width,
  );
}

/** The centred type heading ("QUYẾT ĐỊNH") and trích yếu with a rule below. */
export function titleBlock(
  o: Pick<OfficialOutline, 'docTypeHeading' | 'title' | 'landscape'>,
): Paragraph[] {
  return [
    centred(o.docTypeHeading, { size: 14, bold: true }, { spacing: { before: 360, after: 0 } }),
    centred(o.title, { size: 14, bold: true }, { indent: { left: 400, right: 400 } }),
    rule(2600, textWidth(o), 240),
  ];
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A bordered table, 13 pt, the header row bold, centred and repeated on every page. */
function bodyTable(t: OutlineTable, width: number): Table {
  const total = t.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const widths = t.columns.map((c) => Math.floor((c.width / total) * width));
  const cellOf = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
      children: text
        .split('\n')
        .map((part) =>
          line(part, { size: 13, bold: head }, head ? { alignment: AlignmentType.CENTER } : {}),
        ),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.columns.map((c, i) => cellOf(c.title, i, true)),
      }),
      ...t.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: t.columns.map((_, i) => cellOf(row[i] ?? '', i, false)),
          }),
      ),
    ],
  });
}

function bodyBlock(block: OfficialBlock, last: boolean, width: number): Paragraph | Table {
  if (block.type === 'table') return bodyTable(block, width);
  if (block.type === 'centred')
    return centred(
      block.text,
      { size: 14, bold: block.bold === true, italics: block.italics === true },
      { spacing: { before: 0, after: 120 } },
    );
  const bold = block.type === 'heading' || block.type === 'subheading';
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: last ? { ...BODY_SPACING, after: 240 } : BODY_SPACING,
    keepNext: bold || last,
    children: [run(block.text, { size: 14, bold, italics: block.type === 'legalBasis' })],
  });
}

/** Nơi nhận (left) and the signature block (right). */
export function closingTable(
  o: Pick<OfficialOutline, 'recipients' | 'signer' | 'landscape'>,
): Table {
  const recipients = [
    line(o.recipients.heading, { size: 12, bold: true, italics: true }),
    ...o.recipients.lines.map((r) => line(r, { size: 11 })),
  ];
  const s = o.signer;
  const sign =
    s === null
      ? []
      : [
          ...(s.authority === null ? [] : [centred(s.authority, { size: 14, bold: true })]),
          centred(s.title, { size: 14, bold: true }),
          ...Array.from({ length: 5 }, () => centred('', { size: 14 })),
          ...(s.name === null ? [] : [centred(s.name, { size: 14, bold: true })]),
        ];
  return twoColumns([SIGN_LEFT, textWidth(o) - SIGN_LEFT], [[recipients, sign]], textWidth(o));
}

function pageHeader(children: Paragraph[]): Header {
  return new Header({ children: children.length > 0 ? children : [new Paragraph({})] });
}

function buildDocument(o: OfficialOutline): Document {
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size: 28 })],
  });
  const firstPage =
    o.draftMark === null
      ? []
      : [line(o.draftMark, { size: 13, bold: true }, { alignment: AlignmentType.RIGHT })];
  return officialDocument({
    creator: o.header.issuingBody,
    title: `${o.docTypeHeading} ${o.title}`,
    headers: { default: pageHeader([pageNumber]), first: pageHeader(firstPage) },
    ...(o.landscape === true ? { landscape: true } : {}),
    children: [
      headerTable(o),
      ...titleBlock(o),
      ...o.blocks.map((b, i) => bodyBlock(b, i === o.blocks.length - 1, textWidth(o))),
      closingTable(o),
    ],
  });
}

/**
 * Renders any official outline (a plan's, a tờ trình, a report of achievements, a list) as a
 * .docx in the Decree 30/2020 layout, byte-identical for the same outline and date: the
 * package's timestamps are fixed to `date` and the zip is rewritten with fixed entry dates.
 */
export async function renderOutlineDocx(outline: OfficialOutline, date: Date): Promise<Buffer> {
  return normaliseDocx(await Packer.toBuffer(buildDocument(outline)), date);
}

/**
 * Renders the plan as a .docx (Decree 30/2020 layout). Byte-identical for the same input: the
 * package's timestamps are fixed to the issue date (or 1 January of the draft year) and the zip
 * is rewritten with fixed entry dates.
 */
export async function renderPlanDocx(input: PlanDocumentInput): Promise<Buffer> {
  return renderOutlineDocx(
    buildPlanOutline(input),
    fixedDocumentDate(input.issuedOn, input.draftYear),
  );
}
