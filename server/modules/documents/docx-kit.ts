import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type Header,
  type IParagraphOptions,
} from 'docx';

/**
 * Building blocks of every Word document the system writes in the Decree 30/2020 layout
 * (Appendix I): A4 portrait, margins 20/20/30/15 mm, Times New Roman, borderless two-column
 * blocks, centred short rules. Sizes are in twips (1/20 pt) and points, as the callers think.
 */

export const FONT = 'Times New Roman';
export const mm = (v: number) => Math.round(v * 56.7);
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The text width of a landscape page (same margins, as the page is read). */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;
/** Body paragraphs: 6 pt after, line spacing 1.2. */
export const BODY_SPACING = { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO };
export const TIGHT = { before: 0, after: 0 };

export type RunStyle = { size: number; bold?: boolean; italics?: boolean };

export const run = (text: string, style: RunStyle) =>
  new TextRun({ text, ...style, size: style.size * 2 });

export function line(text: string, style: RunStyle, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ spacing: TIGHT, ...options, children: [run(text, style)] });
}

export const centred = (text: string, style: RunStyle, options: IParagraphOptions = {}) =>
  line(text, style, { alignment: AlignmentType.CENTER, ...options });

/** A centred horizontal rule `width` twips long inside a box `within` twips wide, `after` below. */
export function rule(width: number, within: number, after = 0): Paragraph {
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

/**
 * A borderless two-column block (issuing body | Quốc hiệu; Nơi nhận | signature), `width` wide
 * (the portrait text width unless given).
 */
export function twoColumns(
  widths: [number, number],
  rows: Array<[Paragraph[], Paragraph[]]>,
  width: number = TEXT_WIDTH,
) {
  return new Table({
    width: { size: width, type: WidthType.DXA },
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

/**
 * An A4 document in the decree's page setup, Times New Roman 14 pt by default (`fontSize`), one
 * section, portrait unless `landscape` (wide tables: score sheets).
 */
export function officialDocument(o: {
  creator: string;
  title: string;
  children: (Paragraph | Table)[];
  landscape?: boolean;
  fontSize?: number;
  /** Page headers; `first` differs from the rest when given (page numbers hidden on page 1). */
  headers?: { default: Header; first?: Header };
}): Document {
  const fonts = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT };
  return new Document({
    creator: o.creator,
    lastModifiedBy: o.creator,
    title: o.title,
    revision: 1,
    theme: { fonts: { headings: FONT, body: FONT } },
    styles: {
      default: {
        document: {
          run: { font: fonts, size: (o.fontSize ?? 14) * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: TIGHT },
        },
      },
    },
    sections: [
      {
        properties: {
          ...(o.headers?.first === undefined ? {} : { titlePage: true }),
          page: {
            // Portrait dimensions either way: docx swaps them for a landscape page.
            size: {
              width: PAGE.width,
              height: PAGE.height,
              ...(o.landscape === true ? { orientation: PageOrientation.LANDSCAPE } : {}),
            },
            margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          },
        },
        ...(o.headers === undefined ? {} : { headers: o.headers }),
        children: o.children,
      },
    ],
  });
}

/** A column of a bordered grid table: its header, width in twips and alignment. */
export type GridColumn = { header: string; width: number; align?: 'left' | 'center' | 'right' };

const alignments = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

// Lean cells: widths come from the table's fixed column grid and margins from the table, so a
// 1,000-row annex serialises a third as many XML nodes (packing is most of its render time).
function gridCell(text: string, style: RunStyle, align: keyof typeof alignments) {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: alignments[align],
        children: [
          new TextRun({
            text,
            size: style.size * 2,
            ...(style.bold === true ? { bold: true } : {}),
          }),
        ],
      }),
    ],
  });
}

/**
 * A bordered table (an annex list, danh sách kèm theo): a bold header row repeated on each page,
 * rows that never split across pages, `bold` rows (a total) in bold; `size` in points.
 */
export function gridTable(
  columns: readonly GridColumn[],
  rows: readonly { cells: readonly string[]; bold?: boolean }[],
  size = 12,
): Table {
  const width = columns.reduce((s, c) => s + c.width, 0);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    margins: { left: 60, right: 60, top: 40, bottom: 40 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c) => gridCell(c.header, { size, bold: true }, 'center')),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) =>
              gridCell(r.cells[i] ?? '', { size, bold: r.bold }, c.align ?? 'left'),
            ),
          }),
      ),
    ],
  });
}
