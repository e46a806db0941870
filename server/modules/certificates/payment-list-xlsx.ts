import ExcelJS from 'exceljs';
import { longDate } from '../documents/index';
import { BOX_BORDER, styleHeaderRow } from '../../platform/spreadsheet';
import { amountInWords } from '../../../shared/number-words';
import type { AwardSubject } from '../../../shared/awards';

/**
 * The payment list of a decision (danh sách chi tiền thưởng, decision 043): one .xlsx sheet with
 * STT, name, unit, form, amount and a signature column (ký nhận), grouped by funding source
 * (nguồn kinh phí) with a subtotal per source, a grand total as a formula (its result stored so
 * readers without a calculation engine see it) and the total in words ("Bằng chữ: …").
 */

/** One payee: plain data. `fundingSource` overrides the list's default source. */
export type PaymentRow = {
  recipientKind: AwardSubject;
  name: string;
  unit: string | null;
  formName: string;
  /** In đồng, whole. */
  amount: number;
  fundingSource?: string | null;
};

export type PaymentListOptions = {
  decision: { number: string; date: string; issuerName: string };
  /** The default funding source, for rows that name none. */
  fundingSource: string;
};

export type PaymentGroup = { fundingSource: string; rows: PaymentRow[]; total: number };

/** Rows grouped by funding source in order of first appearance, with totals. */
export function paymentGroups(
  rows: readonly PaymentRow[],
  defaultSource: string,
): { groups: PaymentGroup[]; total: number } {
  const bySource = new Map<string, PaymentGroup>();
  for (const row of rows) {
    const source = row.fundingSource?.trim() || defaultSource;
    const group = bySource.get(source) ?? { fundingSource: source, rows: [], total: 0 };
    group.rows.push(row);
    group.total += row.amount;
    bySource.set(source, group);
  }
  const groups = [...bySource.values()];
  return { groups, total: groups.reduce((s, g) => s + g.total, 0) };
}

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Họ và tên / Tập thể', width: 32 },
  { header: 'Đơn vị', width: 32 },
  { header: 'Hình thức khen thưởng', width: 24 },
  { header: 'Số tiền (đồng)', width: 16 },
  { header: 'Ký nhận', width: 18 },
] as const;
const MONEY = '#,##0';
const AMOUNT_COL = 'E';

/** A row merged across the table's width, with text in its first cell. */
function banner(
  ws: ExcelJS.Worksheet,
  text: string,
  font: Partial<ExcelJS.Font>,
  align: 'center' | 'left' = 'center',
): ExcelJS.Row {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, COLUMNS.length);
  row.font = font;
  row.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  return row;
}

function boxed(row: ExcelJS.Row): void {
  for (let c = 1; c <= COLUMNS.length; c++) row.getCell(c).border = BOX_BORDER;
}

/**
 * Writes the payment list of a decision as .xlsx. Seed 000: the commune's gift of 300.000đ per
 * exemplary person gives n rows of 300.000 and a total of n × 300.000 in figures and words.
 */
export async function renderPaymentListXlsx(
  rows: readonly PaymentRow[],
  options: PaymentListOptions,
): Promise<Buffer> {
  const { groups, total } = paymentGroups(rows, options.fundingSource);
  const wb = new ExcelJS.Workbook();
  const date = new Date(`${options.decision.date}T00:00:00Z`);
  wb.created = date;
  wb.modified = date;
  wb.creator = 'ThiĐua';
  const ws = wb.addWorksheet('Danh sách chi', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  banner(ws, options.decision.issuerName.toLocaleUpperCase('vi'), { bold: true, size: 12 });
  banner(ws, 'DANH SÁCH CHI TIỀN THƯỞNG', { bold: true, size: 14 });
  banner(
    ws,
    `(Kèm theo Quyết định số ${options.decision.number} ${longDate(options.decision.date)} của ${options.decision.issuerName})`,
    { italic: true },
  );
  ws.addRow([]);
  const header = ws.addRow(COLUMNS.map((c) => c.header));
  styleHeaderRow(header, { center: true, box: true });

  const subtotalCells: string[] = [];
  let stt = 0;
  for (const group of groups) {
    const groupRow = banner(ws, `Nguồn kinh phí: ${group.fundingSource}`, { bold: true }, 'left');
    boxed(groupRow);
    const first = groupRow.number + 1;
    for (const r of group.rows) {
      stt += 1;
      const row = ws.addRow([stt, r.name, r.unit ?? '', r.formName, r.amount, '']);
      row.getCell(1).alignment = { horizontal: 'center' };
      row.getCell(5).numFmt = MONEY;
      row.height = 28;
      boxed(row);
    }
    const last = first + group.rows.length - 1;
    const sub = ws.addRow(['', `Cộng (${group.fundingSource})`, '', '', 0, '']);
    sub.getCell(5).value =
      group.rows.length === 0
        ? 0
        : { formula: `SUM(${AMOUNT_COL}${first}:${AMOUNT_COL}${last})`, result: group.total };
    sub.getCell(5).numFmt = MONEY;
    sub.font = { bold: true };
    boxed(sub);
    subtotalCells.push(`${AMOUNT_COL}${sub.number}`);
  }
  const totalRow = ws.addRow(['', 'Tổng cộng', '', '', 0, '']);
  totalRow.getCell(5).value =
    subtotalCells.length === 0 ? 0 : { formula: subtotalCells.join('+'), result: total };
  totalRow.getCell(5).numFmt = MONEY;
  totalRow.font = { bold: true };
  boxed(totalRow);
  banner(ws, `Bằng chữ: ${amountInWords(total)}.`, { italic: true }, 'left');

  ws.addRow([]);
  const signers = ws.addRow(['', 'Người lập biểu', '', 'Kế toán', '', 'Thủ trưởng đơn vị']);
  signers.font = { bold: true };
  signers.alignment = { horizontal: 'center' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
