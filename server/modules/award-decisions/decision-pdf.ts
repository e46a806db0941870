import {
  Layout,
  closingBlock,
  drawGridTable,
  drawHeader,
  drawMarginals,
  drawTitle,
  fixedDocumentDate,
  officialPdf,
} from '../documents/index';
import { buildDecisionOutline, type DecisionDocumentInput } from './decision-document';

const BODY = { align: 'justify', indent: 36, lineGap: 1.5, paragraphGap: 6 } as const;

/**
 * Renders an award decision and its annex as a PDF with the layout of the .docx (the document
 * module's header, title, closing and grid table). Byte-identical for the same input.
 */
export async function renderDecisionPdf(input: DecisionDocumentInput): Promise<Buffer> {
  const o = buildDecisionOutline(input);
  const { doc, done } = officialPdf({
    title: `${o.docTypeHeading} ${o.title}`,
    author: o.header.issuingBody,
    date: fixedDocumentDate(input.decisionDate, 0),
  });
  const l = new Layout(doc);
  drawHeader(l, o);
  drawTitle(l, o);
  l.doc.y = l.centred(o.authority, { face: 'bold', size: 14 }, l.x, l.doc.y, l.width) + 8;
  for (const b of o.legalBases)
    l.use({ face: 'italic', size: 14 }).text(b, l.x, l.doc.y, { ...BODY, width: l.width });
  l.doc.y = l.centred(o.decides, { face: 'bold', size: 14 }, l.x, l.doc.y + 4, l.width) + 6;
  for (const a of o.articles) {
    l.use({ face: 'bold', size: 14 }).text(`${a.label} `, l.x, l.doc.y, {
      ...BODY,
      width: l.width,
      continued: true,
    });
    l.use({ face: 'regular', size: 14 }).text(a.text, { ...BODY, width: l.width });
  }
  const closing = closingBlock(l, o);
  l.ensureSpace(closing.height);
  closing.draw();
  if (o.annex !== null) {
    doc.addPage();
    let y = l.doc.page.margins.top;
    y = l.centred(o.annex.heading, { face: 'bold', size: 14 }, l.x, y, l.width);
    y = l.centred(o.annex.reference, { face: 'bold', size: 14 }, l.x, y, l.width);
    y = l.centred(o.annex.subheading, { face: 'italic', size: 13 }, l.x, y, l.width);
    l.rule(l.x + l.width / 2, y + 4, 130);
    l.doc.y = y + 12;
    drawGridTable(
      l,
      o.annex.columns.map((c) => ({ header: c.header, width: c.weight, align: c.align })),
      o.annex.rows,
      10,
    );
  }
  drawMarginals(l, o);
  doc.end();
  return done;
}
