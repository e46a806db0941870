import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { buildPlanOutline, type PlanDocumentInput, type PlanOutline } from './plan-document';
import { fixedDocumentDate, normaliseDocx } from './docx-package';
import { headerLines } from './plan-format';

/**
 * The plan as a Word document laid out per Decree 30/2020/NĐ-CP, Appendix I: A4 portrait,
 * margins 20/20/30/15 mm, Times New Roman, a borderless two-column header (issuing body | Quốc
 * hiệu), page numbers centred in the top margin from page 2, and a two-column closing block
 * (Nơi nhận | signature). Sizes below are in twips (1/20 pt) and half-points, as OOXML has them.
 */

const FONT = 'Times New Roman';
const mm = (v: number) => Math.round(v * 56.7);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Left column of the header: wide enough for "ỦY BAN NHÂN DÂN", leaves the Quốc hiệu one line. */
const HEADER_LEFT = 3600;
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const SIGN_LEFT = 4300;
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;
const INDENT = 720; // 1.27 cm first-line indent
const BODY_SPACING = { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO }; // 6 pt, 1.2
const TIGHT = { before: 0, after: 0 };

type RunStyle = { size: number; bold?: boolean; italics?: boolean };

const run = (text: string, style: RunStyle) =>
  new TextRun({ text, ...style, size: style.size * 2 });

function line(text: string, style: RunStyle, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ spacing: TIGHT, ...options, children: [run(text, style)] });
}

const centred = (text: string, style: RunStyle, options: IParagraphOptions = {}) =>
  line(text, style, { alignment: AlignmentType.CENTER, ...options });

/** A centred horizontal rule `width` twips long inside a box `within` twips wide, `after` below. */
function rule(width: number, within: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // An empty 5 pt line with a bottom border: the rule sits a little below the text above.
    spacing: { before: 0, after, line: 100, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 6 })],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

function twoColumns(widths: [number, number], rows: Array<[Paragraph[], Paragraph[]]>): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      ([left, right]) =>
        new TableRow({
          cantSplit: true,
          children: [cell(widths[0], left), cell(widths[1], right)],
        }),
    ),
  });
}

function headerTable(o: PlanOutline): Table {
  const h = o.header;
  const bodies = [
    ...headerLines(h.parentBody ?? '').map((t) => centred(t, { size: 13 })),
    ...headerLines(h.issuingBody).map((t) => centred(t, { size: 13, bold: true })),
    rule(1300, HEADER_LEFT),
  ];
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
  );
}

function titleBlock(o: PlanOutline): Paragraph[] {
  return [
    centred(o.docTypeHeading, { size: 14, bold: true }, { spacing: { before: 360, after: 0 } }),
    centred(o.title, { size: 14, bold: true }, { indent: { left: 400, right: 400 } }),
    rule(2600, TEXT_WIDTH, 240),
  ];
}

function bodyParagraph(block: PlanOutline['blocks'][number], last: boolean): Paragraph {
  const bold = block.type === 'heading' || block.type === 'subheading';
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: last ? { ...BODY_SPACING, after: 240 } : BODY_SPACING,
    keepNext: bold || last,
    children: [run(block.text, { size: 14, bold, italics: block.type === 'legalBasis' })],
  });
}

function closingTable(o: PlanOutline): Table {
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
  return twoColumns([SIGN_LEFT, SIGN_RIGHT], [[recipients, sign]]);
}

function pageHeader(children: Paragraph[]): Header {
  return new Header({ children: children.length > 0 ? children : [new Paragraph({})] });
}

function buildDocument(o: PlanOutline): Document {
  const fonts = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT };
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size: 28 })],
  });
  const firstPage =
    o.draftMark === null
      ? []
      : [line(o.draftMark, { size: 13, bold: true }, { alignment: AlignmentType.RIGHT })];
  return new Document({
    creator: o.header.issuingBody,
    lastModifiedBy: o.header.issuingBody,
    title: `${o.docTypeHeading} ${o.title}`,
    revision: 1,
    theme: { fonts: { headings: FONT, body: FONT } },
    styles: {
      default: {
        document: {
          run: { font: fonts, size: 28, language: { value: 'vi-VN' } },
          paragraph: { spacing: TIGHT },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          },
        },
        headers: { default: pageHeader([pageNumber]), first: pageHeader(firstPage) },
        children: [
          headerTable(o),
          ...titleBlock(o),
          ...o.blocks.map((b, i) => bodyParagraph(b, i === o.blocks.length - 1)),
          closingTable(o),
        ],
      },
    ],
  });
}

/**
 * Renders the plan as a .docx (Decree 30/2020 layout). Byte-identical for the same input: the
 * package's timestamps are fixed to the issue date (or 1 January of the draft year) and the zip
 * is rewritten with fixed entry dates.
 */
export async function renderPlanDocx(input: PlanDocumentInput): Promise<Buffer> {
  const outline = buildPlanOutline(input);
  const packed = await Packer.toBuffer(buildDocument(outline));
  return normaliseDocx(packed, fixedDocumentDate(input.issuedOn, input.draftYear));
}
