import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TextRun,
} from 'docx';
import { buildPlanOutline, type PlanDocumentInput, type PlanOutline } from './plan-document';
import { fixedDocumentDate, normaliseDocx } from './docx-package';
import { headerLines } from './plan-format';
import {
  BODY_SPACING,
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
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const SIGN_LEFT = 4300;
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;
const INDENT = 720; // 1.27 cm first-line indent

/** The two-column header (issuing body, number | Quốc hiệu, place and date) of any document. */
export function headerTable(o: Pick<PlanOutline, 'header'>): Table {
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

/** The centred type heading ("QUYẾT ĐỊNH") and trích yếu with a rule below. */
export function titleBlock(o: Pick<PlanOutline, 'docTypeHeading' | 'title'>): Paragraph[] {
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

/** Nơi nhận (left) and the signature block (right). */
export function closingTable(o: Pick<PlanOutline, 'recipients' | 'signer'>): Table {
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
    children: [
      headerTable(o),
      ...titleBlock(o),
      ...o.blocks.map((b, i) => bodyParagraph(b, i === o.blocks.length - 1)),
      closingTable(o),
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
