import {
  AlignmentType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  LANDSCAPE_TEXT_WIDTH,
  centred,
  line,
  normaliseDocx,
  officialDocument,
  rule,
  run,
  twoColumns,
  type RunStyle,
} from '../documents/index';
import {
  planLine,
  points2,
  signed2,
  unitWithPlace,
  vietnamDateTime,
  type ExportRow,
  type SheetExport,
  type StageTotals,
} from './sheet-export.model';
import { round2 } from '../../platform/numbers';

/**
 * The score sheet as a Word document to sign (A4 landscape, Times New Roman 13 pt, the table in
 * 12 pt): the unit's self-assessment table (bảng tự đánh giá, chấm điểm) with the unit's columns
 * only until the appraisal is closed, then the appraisal summary (bảng tổng hợp kết quả thẩm
 * định) with every stage; signature blocks with the names left blank for signing by hand.
 */

/** Who the document speaks for: upper-case bodies for the header, places for the date line. */
export type SheetParties = {
  /** "BỘ PHẬN MỘT CỬA" (the sheet's unit). */
  unitBody: string;
  /** "UBND XÃ LƯƠNG ĐIỀN" above the unit, or null. */
  unitParentBody: string | null;
  /** "ỦY BAN NHÂN DÂN TỈNH …" (the plan's issuer, whose council appraises). */
  issuerBody: string;
  unitPlace: string;
  issuerPlace: string;
};

const WIDTH = LANDSCAPE_TEXT_WIDTH;
const TEXT: RunStyle = { size: 13 };
const CELL: RunStyle = { size: 12 };
const CELL_MARGIN = { top: 40, bottom: 40, left: 70, right: 70 };
const COUNCIL = 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG';

type Align = 'left' | 'right' | 'center';
type Col = {
  header: string;
  /** Relative width; the table fills the text width. */
  weight: number;
  /** A row's cell; `s` is bold for a parent (field, criterion). */
  cell: (r: ExportRow, s: RunStyle) => Paragraph[];
  /** The value of a totals line (total or percent), when the column has one. */
  total?: (pick: (t: StageTotals) => number) => string | null;
};

const para = (text: string, style: RunStyle, align: Align = 'left', indent = 0) =>
  new Paragraph({
    alignment:
      align === 'right'
        ? AlignmentType.RIGHT
        : align === 'center'
          ? AlignmentType.CENTER
          : AlignmentType.LEFT,
    ...(indent > 0 ? { indent: { left: indent } } : {}),
    children: [run(text, style)],
  });

/** A text that may hold line breaks: one paragraph per line. */
const lines = (text: string | null, style: RunStyle) =>
  text === null ? [] : text.split('\n').map((t) => para(t, style));

/** Points (right-aligned), a note or figure under them in italics. */
const withNote = (points: number | null, note: string | null, s: RunStyle) => [
  ...(points === null ? [] : [para(points2(points), s, 'right')]),
  ...lines(note, { ...CELL, italics: true }),
];

const numberCol = (header: string, get: (r: ExportRow) => number | null, weight = 850) => ({
  header,
  weight,
  cell: (r: ExportRow, s: RunStyle) => {
    const v = get(r);
    return v === null ? [] : [para(points2(v), s, 'right')];
  },
});

function columns(e: SheetExport): Col[] {
  const t = e.totals;
  const at = (x: StageTotals | null, pick: (t: StageTotals) => number) =>
    x === null ? null : points2(pick(x));
  const appraisal = e.kind === 'appraisal';
  const cols: Col[] = [
    { header: 'Mã', weight: 900, cell: (r, s) => [para(r.code, s, 'left', r.depth * 120)] },
    { header: 'Tiêu chí', weight: appraisal ? 3300 : 5600, cell: (r, s) => [para(r.title, s)] },
    numberCol('Điểm tối đa', (r) => r.maxPoints),
  ];
  if (appraisal)
    cols.push({
      header: 'Điểm tự chấm',
      weight: 1000,
      cell: (r, s) => withNote(r.self, r.selfFigure, s),
      total: (p) => points2(p(t.self)),
    });
  else
    cols.push(
      { header: 'Số liệu tự chấm', weight: 1500, cell: (r) => lines(r.selfFigure, CELL) },
      { ...numberCol('Điểm tự chấm', (r) => r.self, 900), total: (p) => points2(p(t.self)) },
    );
  cols.push({
    header: 'Giải trình / kiểm chứng',
    weight: appraisal ? 1800 : 4386,
    cell: (r) => lines(r.selfNote, CELL),
  });
  if (!appraisal) return cols;
  const s = e.stages;
  if (s.appraisal1)
    cols.push({
      header: 'Thẩm định lần 1',
      weight: 1500,
      cell: (r, st) => withNote(r.appraisal1, r.appraisal1Note, st),
      total: (p) => at(t.appraisal1, p),
    });
  if (s.explanation)
    cols.push({
      header: 'Giải trình của đơn vị',
      weight: 1500,
      cell: (r) => lines(r.explanation, CELL),
    });
  if (s.appraisal2)
    cols.push({
      header: 'Thẩm định lần 2',
      weight: 1500,
      cell: (r, st) => withNote(r.appraisal2, r.appraisal2Note, st),
      total: (p) => at(t.appraisal2, p),
    });
  if (s.survey) cols.push(numberCol('Điểm khảo sát', (r) => r.survey));
  if (s.final)
    cols.push(
      { ...numberCol('Điểm cuối cùng', (r) => r.final), total: (p) => at(t.final, p) },
      {
        header: 'Chênh lệch',
        weight: 900,
        cell: (r, st) => (r.diff === null ? [] : [para(signed2(r.diff), st, 'right')]),
        total: (p) => (t.final === null ? null : signed2(round2(p(t.final) - p(t.self)))),
      },
    );
  return cols;
}

function cell(width: number, children: Paragraph[], o: { span?: number; shade?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGIN,
    verticalAlign: VerticalAlign.TOP,
    ...(o.span === undefined ? {} : { columnSpan: o.span }),
    ...(o.shade === true
      ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } }
      : {}),
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

/** Column widths in twips, scaled from the weights to fill the text width exactly. */
function widthsOf(cols: Col[]): number[] {
  const sum = cols.reduce((n, c) => n + c.weight, 0);
  const widths = cols.map((c) => Math.floor((c.weight * WIDTH) / sum));
  widths[1] = (widths[1] ?? 0) + WIDTH - widths.reduce((n, w) => n + w, 0);
  return widths;
}

function scoreTable(e: SheetExport): Table {
  const cols = columns(e);
  const widths = widthsOf(cols);
  const w = (i: number) => widths[i] ?? 0;
  const bold = { ...CELL, bold: true };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: cols.map((c, i) => cell(w(i), [para(c.header, bold, 'center')], { shade: true })),
  });
  const body = e.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: cols.map((c, i) =>
          cell(w(i), c.cell(r, r.isLeaf ? CELL : bold), { shade: r.depth === 0 && !r.isLeaf }),
        ),
      }),
  );
  const label = (text: string) => cell(w(0) + w(1), [para(text, bold)], { span: 2, shade: true });
  const totalsRow = (text: string, max: string, pick: (t: StageTotals) => number) =>
    new TableRow({
      cantSplit: true,
      children: [
        label(text),
        ...cols.slice(2).map((c, i) => {
          const value = i === 0 ? max : (c.total?.(pick) ?? '');
          return cell(w(i + 2), [para(value, bold, 'right')], { shade: true });
        }),
      ],
    });
  const rest = widths.slice(2).reduce((n, x) => n + x, 0);
  const r = e.result;
  const band =
    r === null
      ? []
      : [
          new TableRow({
            cantSplit: true,
            children: [
              label('Xếp loại'),
              cell(
                rest,
                [para(r.rank === null ? r.bandLabel : `${r.bandLabel} (xếp hạng ${r.rank})`, bold)],
                { span: cols.length - 2, shade: true },
              ),
            ],
          }),
        ];
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      header,
      ...body,
      totalsRow('TỔNG CỘNG', points2(e.maxTotal), (x) => x.total),
      totalsRow('Tỷ lệ đạt (%)', points2(100), (x) => x.percent),
      ...band,
    ],
  });
}

function headerBlock(e: SheetExport, p: SheetParties): Table {
  const left = 5200;
  const right = WIDTH - left;
  const appraisal = e.kind === 'appraisal';
  const parent = appraisal ? p.issuerBody : p.unitParentBody;
  const body = appraisal ? COUNCIL : p.unitBody;
  return twoColumns(
    [left, right],
    [
      [
        [
          ...(parent === null ? [] : [centred(parent, TEXT)]),
          centred(body, { ...TEXT, bold: true }),
          rule(1300, left),
        ],
        [
          centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...TEXT, bold: true }),
          centred('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true }),
          rule(3500, right),
        ],
      ],
    ],
    WIDTH,
  );
}

function signatures(e: SheetExport, p: SheetParties, year: string): Table {
  const half = Math.floor(WIDTH / 2);
  const blank = Array.from({ length: 4 }, () => centred('', TEXT));
  const sign = (title: string, note: string) => [
    centred(title, { ...TEXT, bold: true }),
    centred(note, { ...TEXT, italics: true }),
    ...blank,
  ];
  const place = e.kind === 'appraisal' ? p.issuerPlace : p.unitPlace;
  const date = centred(`${place}, ngày …… tháng …… năm ${year}`, { ...TEXT, italics: true });
  const [left, right] =
    e.kind === 'appraisal'
      ? [
          sign('TỔ THẨM ĐỊNH', '(Ký, ghi rõ họ tên)'),
          sign('CHỦ TỊCH HỘI ĐỒNG', '(Ký tên, đóng dấu)'),
        ]
      : [
          sign('NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'),
          sign('THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)'),
        ];
  // One row, so the date line never parts from the signatures at a page break.
  return twoColumns(
    [half, WIDTH - half],
    [
      [
        [centred('', TEXT), ...left],
        [date, ...right],
      ],
    ],
    WIDTH,
  );
}

/**
 * Renders the document; `date` (when the sheet's data last changed) stamps the package, so the
 * same data gives the same bytes whenever it is exported.
 */
export async function renderSheetDocx(
  e: SheetExport,
  p: SheetParties,
  date: Date,
): Promise<Buffer> {
  const spaced = { spacing: { before: 60, after: 0 } };
  const year = vietnamDateTime(date).slice(6, 10);
  const doc = officialDocument({
    creator: e.kind === 'appraisal' ? p.issuerBody : p.unitBody,
    title: `${e.heading} — ${unitWithPlace(e)}`,
    landscape: true,
    fontSize: 13,
    children: [
      headerBlock(e, p),
      centred(e.heading, { ...TEXT, bold: true }, { spacing: { before: 240, after: 0 } }),
      // Titled by the plan and the unit (not by the criteria set: the shipped example's name is
      // a placeholder that must not reach a signed document).
      centred(`(${planLine(e)})`, { ...TEXT, italics: true }),
      line(`Đơn vị: ${unitWithPlace(e)}`, TEXT, { spacing: { before: 180, after: 0 } }),
      ...(e.criteriaName === null ? [] : [line(`Bộ tiêu chí: ${e.criteriaName}`, TEXT, spaced)]),
      new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
      scoreTable(e),
      // The notes explain the appraisal columns, which the self-assessment table does not have.
      ...(e.kind === 'appraisal' ? e.footnotes : []).map((f) =>
        line(f, { size: 12, italics: true }, spaced),
      ),
      new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
      signatures(e, p, year),
    ],
  });
  return normaliseDocx(await Packer.toBuffer(doc), date);
}
