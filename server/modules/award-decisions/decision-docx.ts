import { AlignmentType, Packer, PageBreak, Paragraph } from 'docx';
import {
  BODY_SPACING,
  TEXT_WIDTH,
  centred,
  closingTable,
  fixedDocumentDate,
  gridTable,
  headerTable,
  line,
  normaliseDocx,
  officialDocument,
  rule,
  run,
  titleBlock,
} from '../documents/index';
import {
  buildDecisionOutline,
  type DecisionDocumentInput,
  type DecisionOutline,
} from './decision-document';

const INDENT = 720;

function body(text: string, options: { italics?: boolean; label?: string } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: BODY_SPACING,
    children: [
      ...(options.label === undefined ? [] : [run(`${options.label} `, { size: 14, bold: true })]),
      run(text, { size: 14, italics: options.italics }),
    ],
  });
}

function annex(a: NonNullable<DecisionOutline['annex']>) {
  const weights = a.columns.reduce((s, c) => s + c.weight, 0);
  return [
    new Paragraph({ children: [new PageBreak()] }),
    centred(a.heading, { size: 14, bold: true }),
    centred(a.reference, { size: 14, bold: true }),
    centred(a.subheading, { size: 13, italics: true }),
    rule(2600, TEXT_WIDTH, 200),
    gridTable(
      a.columns.map((c) => ({
        header: c.header,
        width: Math.floor((c.weight / weights) * TEXT_WIDTH),
        align: c.align,
      })),
      a.rows,
      11,
    ),
  ];
}

/**
 * Renders an award decision and its annex as a .docx in the Decree 30/2020 layout (the header,
 * title and closing blocks are the document module's). Byte-identical for the same input: the
 * package's timestamps are fixed to the decision date.
 */
export async function renderDecisionDocx(input: DecisionDocumentInput): Promise<Buffer> {
  const o = buildDecisionOutline(input);
  const doc = officialDocument({
    creator: o.header.issuingBody,
    title: `${o.docTypeHeading} ${o.title}`,
    children: [
      ...(o.draftMark === null
        ? []
        : [line(o.draftMark, { size: 13, bold: true }, { alignment: AlignmentType.RIGHT })]),
      headerTable(o),
      ...titleBlock(o),
      centred(o.authority, { size: 14, bold: true }, { spacing: { before: 0, after: 200 } }),
      ...o.legalBases.map((b) => body(b, { italics: true })),
      centred(o.decides, { size: 14, bold: true }, { spacing: { before: 120, after: 120 } }),
      ...o.articles.map((a) => body(a.text, { label: a.label })),
      closingTable(o),
      ...(o.annex === null ? [] : annex(o.annex)),
    ],
  });
  const packed = await Packer.toBuffer(doc);
  return normaliseDocx(packed, fixedDocumentDate(input.decisionDate, 0));
}
