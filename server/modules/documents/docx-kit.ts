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
 * A bordered grid table (single 0.5 pt lines), `widths` in twips: a bold centred header row
 * repeated on each page, then the rows; each cell is a list of lines in `style` (12 pt unless
 * given), centred where `centre[i]` is true. Used by minutes, lists and annexes.
 */
export function gridTable(
  widths: number[],
  header: string[],
  rows: string[][],
  o: { style?: RunStyle; centre?: boolean[] } = {},
): Table {
  const style = o.style ?? { size: 12 };
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = {
    top: border,
    bottom: border,
    left: border,
    right: border,
    insideHorizontal: border,
    insideVertical: border,
  };
  const gridCell = (width: number, text: string, bold: boolean, centre: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: 60, right: 60, top: 40, bottom: 40 },
      children: text
        .split('\n')
        .map((t) => line(t, { ...style, bold }, centre ? { alignment: AlignmentType.CENTER } : {})),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => gridCell(widths[i] ?? 0, h, true, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => gridCell(widths[i] ?? 0, c, false, o.centre?.[i] === true)),
          }),
      ),
    ],
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
