import ExcelJS from 'exceljs';
import { normaliseDocx } from '../documents/index';
import { round2 } from '../../platform/numbers';
import {
  BOX_BORDER,
  FIELD_FILL,
  HEADER_FILL,
  solidFill,
  styleHeaderRow,
} from '../../platform/spreadsheet';
import {
  planLine,
  unitWithPlace,
  type ExportRow,
  type SheetExport,
  type StageTotals,
  type Stages,
} from './sheet-export.model';

/**
 * The score sheet as an .xlsx (one sheet "Phiếu chấm điểm"): title rows, the tree in order with
 * indented codes (parents bold with their rolled-up totals), the stages that exist, then the
 * totals, percentages and band. A4 landscape, fit to width, header row repeated on every page.
 */

type Key = Exclude<keyof ExportRow, 'nodeId' | 'depth' | 'isLeaf'>;
type Column = {
  key: Key;
  header: string;
  width: number;
  number?: boolean;
  /** Shown only when this stage exists; always shown otherwise. */
  stage?: keyof Stages;
};

export const SHEET_COLUMNS: Column[] = [
  { key: 'code', header: 'Mã', width: 10 },
  { key: 'title', header: 'Tiêu chí', width: 48 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 9, number: true },
  { key: 'selfFigure', header: 'Số liệu tự chấm', width: 14 },
  { key: 'self', header: 'Điểm tự chấm', width: 9, number: true },
  { key: 'selfNote', header: 'Giải trình / kiểm chứng', width: 38 },
  { key: 'appraisal1', header: 'Thẩm định lần 1', width: 10, number: true, stage: 'appraisal1' },
  { key: 'appraisal1Note', header: 'Nhận xét lần 1', width: 30, stage: 'appraisal1' },
  { key: 'explanation', header: 'Giải trình của đơn vị', width: 34, stage: 'explanation' },
  { key: 'appraisal2', header: 'Thẩm định lần 2', width: 10, number: true, stage: 'appraisal2' },
  { key: 'appraisal2Note', header: 'Nhận xét lần 2', width: 30, stage: 'appraisal2' },
  { key: 'survey', header: 'Điểm khảo sát', width: 10, number: true, stage: 'survey' },
  { key: 'final', header: 'Điểm cuối cùng', width: 10, number: true, stage: 'final' },
  { key: 'diff', header: 'Chênh lệch', width: 10, number: true, stage: 'final' },
];

const NUMBER = '0.00';
const SIGNED = '+0.00;-0.00;0.00';

/** The columns of this sheet: the unit's own always, each later stage when it exists. */
export function sheetColumns(stages: Stages): Column[] {
  return SHEET_COLUMNS.filter((c) => c.stage === undefined || stages[c.stage]);
}

function titleRows(e: SheetExport): string[] {
  return [
    e.heading,
    planLine(e),
    `Đơn vị: ${unitWithPlace(e)}`,
    ...(e.criteriaName === null ? [] : [`Bộ tiêu chí: ${e.criteriaName}`]),
    `Trạng thái: ${e.statusLabel}`,
    `Xuất lúc: ${e.exportedAt} (giờ Việt Nam)`,
    ...(e.explanationReason === null
      ? []
      : [`Nội dung đề nghị giải trình: ${e.explanationReason}`]),
  ];
}

/** A totals line: label, the maximum, then a value per stage column (total or percent). */
function totalsLine(
  e: SheetExport,
  label: string,
  max: number | null,
  pick: (t: StageTotals) => number,
): Partial<Record<Key, string | number | null>> {
  const at = (t: StageTotals | null) => (t === null ? null : pick(t));
  const self = pick(e.totals.self);
  const final = at(e.totals.final);
  return {
    title: label,
    maxPoints: max,
    self,
    appraisal1: at(e.totals.appraisal1),
    appraisal2: at(e.totals.appraisal2),
    final,
    diff: final === null ? null : round2(final - self),
  };
}

/**
 * Renders the workbook; `at` (the export time) stamps the package, so the same data exported at
 * the same moment gives the same bytes.
 */
export async function renderSheetXlsx(e: SheetExport, at: Date): Promise<Buffer> {
  const columns = sheetColumns(e.stages);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  wb.lastModifiedBy = 'ThiĐua';
  wb.created = at;
  wb.modified = at;
  const titles = titleRows(e);
  const headerRow = titles.length + 2;
  const ws = wb.addWorksheet('Phiếu chấm điểm', {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P / &N' },
  });
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;

  titles.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    ws.mergeCells(i + 1, 1, i + 1, last);
    row.font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    row.alignment = { horizontal: i === 0 ? 'center' : 'left', vertical: 'middle' };
  });

  const head = ws.getRow(headerRow);
  head.values = columns.map((c) => c.header);
  styleHeaderRow(head, { height: 32, center: true, box: true });

  let n = headerRow;
  const write = (values: Partial<Record<Key, string | number | null>>, style: RowStyle) => {
    const row = ws.getRow(++n);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = values[c.key];
      cell.value = v === undefined ? null : v;
      cell.border = BOX_BORDER;
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        ...(c.number ? { horizontal: 'right' } : {}),
        ...(style.indent > 0 && (c.key === 'code' || c.key === 'title')
          ? { indent: style.indent }
          : {}),
      };
      if (c.number) cell.numFmt = style.numFmt ?? (c.key === 'diff' ? SIGNED : NUMBER);
      if (style.bold) cell.font = { bold: true };
      if (style.fill) cell.fill = solidFill(style.fill);
    });
  };

  for (const r of e.rows)
    write(r, {
      indent: r.depth,
      bold: !r.isLeaf,
      fill: r.depth === 0 && !r.isLeaf ? FIELD_FILL : undefined,
    });
  const totalStyle = { indent: 0, bold: true, fill: HEADER_FILL };
  write(
    totalsLine(e, 'TỔNG CỘNG', e.maxTotal, (t) => t.total),
    totalStyle,
  );
  write(
    totalsLine(e, 'Tỷ lệ đạt (%)', 100, (t) => t.percent),
    totalStyle,
  );
  if (e.result !== null) {
    write({ title: 'Xếp loại', final: e.result.bandLabel }, totalStyle);
    if (e.result.rank !== null)
      write({ title: 'Xếp hạng', final: e.result.rank }, { ...totalStyle, numFmt: '0' });
  }
  for (const note of e.footnotes) {
    const row = ws.getRow(++n);
    row.getCell(1).value = note;
    ws.mergeCells(n, 1, n, last);
    row.font = { italic: true, size: 10 };
  }
  return normaliseDocx(new Uint8Array(await wb.xlsx.writeBuffer()), at);
}

type RowStyle = { indent: number; bold: boolean; fill?: string | undefined; numFmt?: string };
