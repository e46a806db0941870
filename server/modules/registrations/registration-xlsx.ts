import ExcelJS from 'exceljs';
import { registrationKindLabels, registrationStatusLabels } from '../../../shared/registration';
import { SHEET_OPTIONS, setupSheet, type Column } from '../organization/index';
import type { RegistrationRecord } from './registrations.schemas';

/** The registration list of a plan as an .xlsx sheet (one row per registration). */

export const REGISTRATION_COLUMNS: Column[] = [
  { key: 'no', header: 'STT', width: 6 },
  { key: 'kind', header: 'Loại', width: 10 },
  { key: 'unit', header: 'Đơn vị', width: 36 },
  { key: 'person', header: 'Họ và tên', width: 26 },
  { key: 'position', header: 'Chức vụ', width: 24 },
  { key: 'title', header: 'Danh hiệu đăng ký', width: 30 },
  { key: 'targets', header: 'Chỉ tiêu', width: 50 },
  { key: 'status', header: 'Trạng thái', width: 12 },
  { key: 'submittedAt', header: 'Đăng ký lúc', width: 17 },
  { key: 'late', header: 'Muộn/Lý do', width: 36 },
];

const stamp = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "15/07/2020 09:30" in Vietnam time, written as text so no spreadsheet shifts the zone. */
export function formatStamp(at: Date): string {
  const parts = Object.fromEntries(stamp.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export async function buildRegistrationSheet(rows: RegistrationRecord[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  // Fixed workbook dates: the export of the same list is the same file.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Đăng ký thi đua', SHEET_OPTIONS);
  setupSheet(ws, REGISTRATION_COLUMNS, 0);
  rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      registrationKindLabels[r.kind],
      r.unitName,
      r.personName ?? '',
      r.personPosition ?? '',
      r.commitments.targetTitle ?? '',
      r.commitments.targets.map((t) => `- ${t}`).join('\n'),
      registrationStatusLabels[r.status],
      formatStamp(r.submittedAt),
      r.late ? `Muộn: ${r.lateReason ?? ''}` : '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
