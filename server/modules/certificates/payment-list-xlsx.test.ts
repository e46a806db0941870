import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { paymentGroups, renderPaymentListXlsx, type PaymentRow } from './payment-list-xlsx';

const decision = {
  number: '12/QĐ-UBND',
  date: '2024-01-05',
  issuerName: 'Ủy ban nhân dân xã Lương Điền',
};

/** Seed 000: the commune's gift worth 300.000đ to each exemplary person. */
const giftRows = (n: number): PaymentRow[] =>
  Array.from({ length: n }, (_, i) => ({
    recipientKind: 'individual',
    name: `Cán bộ ${i + 1}`,
    unit: 'UBND xã Lương Điền',
    formName: 'Quà tặng (300.000đ/người)',
    amount: 300_000,
  }));

async function reopen(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (ws === undefined) throw new Error('no sheet');
  return ws;
}

/** Every row's cells as plain values (formula cells as their result). */
function table(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= 6; c++) {
      const v = row.getCell(c).value;
      cells.push(v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
    }
    out.push(cells);
  });
  return out;
}

describe('renderPaymentListXlsx', () => {
  it("totals seed 000's gift of 300.000đ × 7 people in figures, formula and words", async () => {
    const ws = await reopen(
      await renderPaymentListXlsx(giftRows(7), { decision, fundingSource: 'Ngân sách xã' }),
    );
    const rows = table(ws);
    expect(rows[0]?.[0]).toBe('ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN');
    expect(rows[1]?.[0]).toBe('DANH SÁCH CHI TIỀN THƯỞNG');
    expect(String(rows[2]?.[0])).toContain('12/QĐ-UBND ngày 05 tháng 01 năm 2024');
    expect(rows[4]).toEqual([
      'STT',
      'Họ và tên / Tập thể',
      'Đơn vị',
      'Hình thức khen thưởng',
      'Số tiền (đồng)',
      'Ký nhận',
    ]);
    expect(rows[5]?.[0]).toBe('Nguồn kinh phí: Ngân sách xã');
    const payees = rows.filter((r) => typeof r[0] === 'number');
    expect(payees.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(payees.every((r) => r[4] === 300_000 && r[5] === '')).toBe(true);

    const total = rows.find((r) => r[1] === 'Tổng cộng');
    expect(total?.[4]).toBe(2_100_000);
    const totalRowNo = rows.indexOf(total ?? []) + 1;
    const subRowNo = rows.findIndex((r) => r[1] === 'Cộng (Ngân sách xã)') + 1;
    expect(ws.getCell(`E${subRowNo}`).formula).toBe('SUM(E7:E13)');
    expect(ws.getCell(`E${totalRowNo}`).formula).toBe(`E${subRowNo}`);
    expect(rows[totalRowNo]?.[0]).toBe('Bằng chữ: Hai triệu một trăm nghìn đồng.');
  });

  it('groups and totals per funding source, the grand total summing the subtotals', async () => {
    const rows: PaymentRow[] = [
      ...giftRows(2),
      {
        recipientKind: 'collective',
        name: 'Bộ phận Một cửa',
        unit: null,
        formName: 'Giấy khen',
        amount: 1_520_000,
        fundingSource: 'Quỹ thi đua, khen thưởng',
      },
      { ...giftRows(1)[0]!, name: 'Cán bộ 3' },
    ];
    const { groups, total } = paymentGroups(rows, 'Ngân sách xã');
    expect(groups.map((g) => [g.fundingSource, g.rows.length, g.total])).toEqual([
      ['Ngân sách xã', 3, 900_000],
      ['Quỹ thi đua, khen thưởng', 1, 1_520_000],
    ]);
    expect(total).toBe(2_420_000);

    const ws = await reopen(
      await renderPaymentListXlsx(rows, { decision, fundingSource: 'Ngân sách xã' }),
    );
    const values = table(ws);
    const sub1 = values.findIndex((r) => r[1] === 'Cộng (Ngân sách xã)') + 1;
    const sub2 = values.findIndex((r) => r[1] === 'Cộng (Quỹ thi đua, khen thưởng)') + 1;
    expect(values[sub1 - 1]?.[4]).toBe(900_000);
    expect(values[sub2 - 1]?.[4]).toBe(1_520_000);
    const totalNo = values.findIndex((r) => r[1] === 'Tổng cộng') + 1;
    expect(ws.getCell(`E${totalNo}`).formula).toBe(`E${sub1}+E${sub2}`);
    expect(values[totalNo - 1]?.[4]).toBe(2_420_000);
    expect(values[totalNo]?.[0]).toBe('Bằng chữ: Hai triệu bốn trăm hai mươi nghìn đồng.');
    // The sum of the payee rows (what a spreadsheet would compute) matches the stored result.
    const payees = values.filter((r) => typeof r[0] === 'number');
    expect(payees.reduce((s, r) => s + Number(r[4]), 0)).toBe(2_420_000);
  });
});
