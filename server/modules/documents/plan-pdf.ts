import { fixedDocumentDate } from './docx-package';
import { buildPlanOutline, type PlanDocumentInput } from './plan-document';
import type { OfficialOutline, OutlineTable } from './official-outline';
import type { PlanOutlineBlock } from '../../../shared/plan-outline';
import { headerLines } from './plan-format';
import {
  INDENT,
  LINE_GAP,
  Layout,
  PARAGRAPH_GAP,
  mm,
  officialPdf,
  type Face,
  type Style,
} from './pdf-kit';

/**
 * The plan as a PDF with the same layout as the .docx (Decree 30/2020): A4, margins 20/20/30/15
 * mm, a two-column header, centred type heading and trích yếu, justified 14 pt body with a
 * first-line indent, page numbers centred in the top margin from page 2, and the Nơi nhận /
 * signature block. Noto Serif stands in for Times New Roman (it ships in npm with full
 * Vietnamese coverage). Sizes are in points.
 */

/** The two-column header (issuing body, number | Quốc hiệu, place and date) of any document. */
export function drawHeader(l: Layout, o: Pick<OfficialOutline, 'header'>): void {
  const h = o.header;
  const leftW = l.width * 0.385;
  const rightW = l.width - leftW;
  const rightX = l.x + leftW;
  const top = l.doc.page.margins.top;

  let y = top;
  for (const t of headerLines(h.parentBody ?? ''))
    y = l.centred(t, { face: 'regular', size: 13 }, l.x, y, leftW);
  for (const t of headerLines(h.issuingBody))
    y = l.centred(t, { face: 'bold', size: 13 }, l.x, y, leftW);
  // No issuing body (a personal report, Mẫu 05): the left column stays empty, without a rule.
  if (y > top) l.rule(l.x + leftW / 2, y + 2, 65);
  const leftBottom = y + 4;

  // The Quốc hiệu must stay on one line: 13 pt, or down to 12 pt (the range Decree 30 allows).
  let nationSize = 13;
  while (
    nationSize > 12 &&
    l.use({ face: 'bold', size: nationSize }).widthOfString(h.nationalName) > rightW
  )
    nationSize -= 0.5;
  y = l.centred(h.nationalName, { face: 'bold', size: nationSize }, rightX, top, rightW);
  y = l.centred(h.motto, { face: 'bold', size: 14 }, rightX, y, rightW);
  const mottoWidth = l.use({ face: 'bold', size: 14 }).widthOfString(h.motto);
  l.rule(rightX + rightW / 2, y + 2, mottoWidth);
  const rightBottom = y + 4;

  const row2 = Math.max(leftBottom, rightBottom) + 6;
  const a = l.centred(h.number, { face: 'regular', size: 13 }, l.x, row2, leftW);
  const b = l.centred(h.placeDate, { face: 'italic', size: 14 }, rightX, row2, rightW);
  l.doc.y = Math.max(a, b);
}

/** The centred type heading and trích yếu with a rule below. */
export function drawTitle(l: Layout, o: Pick<OfficialOutline, 'docTypeHeading' | 'title'>): void {
  let y = l.doc.y + 18;
  y = l.centred(o.docTypeHeading, { face: 'bold', size: 14 }, l.x, y, l.width);
  y = l.centred(o.title, { face: 'bold', size: 14 }, l.x + 20, y, l.width - 40);
  l.rule(l.x + l.width / 2, y + 5, 130);
  l.doc.y = y + 16;
}

const blockFace: Record<PlanOutlineBlock['type'], Face> = {
  heading: 'bold',
  subheading: 'bold',
  paragraph: 'regular',
  bullet: 'regular',
  legalBasis: 'italic',
};

const BODY_OPTIONS = {
  align: 'justify',
  indent: INDENT,
  lineGap: LINE_GAP,
  paragraphGap: PARAGRAPH_GAP,
} as const;

const CELL_PAD = 3;
const TABLE_SIZE = 12;

/** A bordered table, the header row bold and centred and drawn again on each new page. */
function drawTable(l: Layout, t: OutlineTable): void {
  const total = t.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const widths = t.columns.map((c) => (c.width / total) * l.width);
  const rowHeight = (cells: string[], face: Face) =>
    Math.max(
      ...widths.map(
        (w, i) =>
          l.height(cells[i] ?? '', { face, size: TABLE_SIZE }, w - 2 * CELL_PAD) + 2 * CELL_PAD,
      ),
    );
  const drawRow = (cells: string[], face: Face, height: number) => {
    const top = l.doc.y;
    let x = l.x;
    widths.forEach((w, i) => {
      l.doc.rect(x, top, w, height).lineWidth(0.5).stroke();
      l.use({ face, size: TABLE_SIZE }).text(cells[i] ?? '', x + CELL_PAD, top + CELL_PAD, {
        width: w - 2 * CELL_PAD,
        lineGap: LINE_GAP,
        align: face === 'bold' ? 'center' : 'left',
      });
      x += w;
    });
    l.doc.x = l.x;
    l.doc.y = top + height;
  };
  const head = t.columns.map((c) => c.title);
  const headHeight = rowHeight(head, 'bold');
  l.ensureSpace(headHeight + rowHeight(t.rows[0] ?? [], 'regular'));
  drawRow(head, 'bold', headHeight);
  for (const row of t.rows) {
    const h = rowHeight(row, 'regular');
    const page = l.doc.page;
    l.ensureSpace(h);
    if (l.doc.page !== page) drawRow(head, 'bold', headHeight);
    drawRow(row, 'regular', h);
  }
  l.doc.y += PARAGRAPH_GAP;
}

function drawBody(l: Layout, o: OfficialOutline): void {
  const closing = closingBlock(l, o);
  o.blocks.forEach((block, i) => {
    if (block.type === 'table') {
      drawTable(l, block);
      if (i === o.blocks.length - 1) l.ensureSpace(closing.height);
      return;
    }
    if (block.type === 'centred') {
      const face: Face =
        block.bold === true
          ? block.italics === true
            ? 'boldItalic'
            : 'bold'
          : block.italics === true
            ? 'italic'
            : 'regular';
      l.use({ face, size: 14 }).text(block.text, l.x, l.doc.y, {
        width: l.width,
        align: 'center',
        lineGap: LINE_GAP,
        paragraphGap: PARAGRAPH_GAP,
      });
      return;
    }
    const style: Style = { face: blockFace[block.type], size: 14 };
    const own = l.height(block.text, style, l.width, BODY_OPTIONS);
    if (i === o.blocks.length - 1) {
      // The signature never stands alone on a page: the closing paragraph goes with it.
      l.ensureSpace(own + closing.height);
    } else if (block.type === 'heading' || block.type === 'subheading') {
      // Keep a heading with the first lines of what follows it.
      l.ensureSpace(own + l.height('x\nx', { face: 'regular', size: 14 }, l.width));
    }
    l.use(style).text(block.text, l.x, l.doc.y, { ...BODY_OPTIONS, width: l.width });
  });
  closing.draw();
}

/** Nơi nhận (left) and the signature (right), side by side; its height, and how to draw it. */
export function closingBlock(
  l: Layout,
  o: Pick<OfficialOutline, 'recipients' | 'signer'>,
): { height: number; draw: () => void } {
  const leftW = l.width * 0.46;
  const rightW = l.width - leftW;
  const heading: Style = { face: 'boldItalic', size: 12 };
  const recipient: Style = { face: 'regular', size: 11 };
  const signLine: Style = { face: 'bold', size: 14 };
  const s = o.signer;
  const signLines = s === null ? [] : [s.authority, s.title].filter((t): t is string => t !== null);
  const gap = 70; // room for the signature and seal
  const space = 6;

  const leftH =
    l.height(o.recipients.heading, heading, leftW) +
    o.recipients.lines.reduce((sum, r) => sum + l.height(r, recipient, leftW), 0);
  const rightH =
    signLines.reduce((sum, t) => sum + l.height(t, signLine, rightW), 0) +
    (s?.name ? gap + l.height(s.name, signLine, rightW) : 0);

  const draw = () => {
    l.doc.y += space;
    l.ensureSpace(Math.max(leftH, rightH));
    const top = l.doc.y;
    l.use(heading).text(o.recipients.heading, l.x, top, { width: leftW, lineGap: LINE_GAP });
    for (const r of o.recipients.lines)
      l.use(recipient).text(r, l.x, l.doc.y, { width: leftW, lineGap: LINE_GAP });
    const leftBottom = l.doc.y;
    let y = top;
    for (const t of signLines) y = l.centred(t, signLine, l.x + leftW, y, rightW);
    if (s?.name) y = l.centred(s.name, signLine, l.x + leftW, y + gap, rightW);
    l.doc.y = Math.max(leftBottom, y);
  };
  return { height: space + Math.max(leftH, rightH), draw };
}

/** Page numbers centred in the top margin, from page 2 (page 1 shows none); the draft mark on page 1. */
export function drawMarginals(l: Layout, o: Pick<OfficialOutline, 'draftMark'>): void {
  const range = l.doc.bufferedPageRange();
  const y = mm(10);
  for (let i = range.start; i < range.start + range.count; i++) {
    l.doc.switchToPage(i);
    if (i === range.start) {
      if (o.draftMark !== null)
        l.use({ face: 'bold', size: 13 }).text(o.draftMark, l.x, y, {
          width: l.width,
          align: 'right',
          lineBreak: false,
        });
      continue;
    }
    l.use({ face: 'regular', size: 13 }).text(String(i - range.start + 1), l.x, y, {
      width: l.width,
      align: 'center',
      lineBreak: false,
    });
  }
}

/**
 * Renders the plan as a PDF (same outline and hierarchy as the .docx). Byte-identical for the
 * same input: the info dates are fixed to the issue date (or 1 January of the draft year), and
 * pdfkit derives the file ID from the info dictionary only, so it is fixed too.
 */
export async function renderPlanPdf(input: PlanDocumentInput): Promise<Buffer> {
  return renderOutlinePdf(
    buildPlanOutline(input),
    fixedDocumentDate(input.issuedOn, input.draftYear),
  );
}

/**
 * Renders any official outline (a plan's, a tờ trình, a report of achievements, a list) as a PDF
 * with the .docx's layout, byte-identical for the same outline and date (info dates fixed to
 * `date`; pdfkit derives the file ID from the info dictionary only).
 */
export async function renderOutlinePdf(outline: OfficialOutline, date: Date): Promise<Buffer> {
  const { doc, done } = officialPdf({
    title: `${outline.docTypeHeading} ${outline.title}`,
    author: outline.header.issuingBody,
    date,
    landscape: outline.landscape === true,
  });
  const layout = new Layout(doc);
  drawHeader(layout, outline);
  drawTitle(layout, outline);
  drawBody(layout, outline);
  drawMarginals(layout, outline);
  doc.end();
  return done;
}
