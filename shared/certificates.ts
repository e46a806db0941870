/**
 * Certificates (giấy khen, bằng chứng nhận CSTĐCS; Decree 98/2023 Art. 104) as both sides see
 * them: the fields printed on a certificate, which of them a pre-printed blank already carries,
 * and the print modes of a certificate template (decision 043).
 */

export const CertificateMode = { full: 'full', blank: 'blank' } as const;
export type CertificateMode = (typeof CertificateMode)[keyof typeof CertificateMode];
export const certificateModes = Object.values(CertificateMode) as [
  CertificateMode,
  ...CertificateMode[],
];
export const certificateModeLabels: Record<CertificateMode, string> = {
  full: 'In toàn bộ (giấy trắng)',
  blank: 'In trên phôi in sẵn (chỉ phần thay đổi)',
};

/** The fields of a certificate, top to bottom, left to right. */
export const certificateFields = [
  'nationalName',
  'motto',
  'issuerTitle',
  'verb',
  'formName',
  'recipientName',
  'recipientDetail',
  'achievement',
  'decision',
  'goldenBook',
  'placeDate',
  'signerTitle',
  'signerName',
] as const;
export type CertificateField = (typeof certificateFields)[number];

export const certificateFieldLabels: Record<CertificateField, string> = {
  nationalName: 'Quốc hiệu',
  motto: 'Tiêu ngữ',
  issuerTitle: 'Chức danh người ký (dòng đỏ)',
  verb: '"TẶNG"',
  formName: 'Tên hình thức (dòng đỏ)',
  recipientName: 'Tên người / tập thể được khen',
  recipientDetail: 'Chức vụ, đơn vị',
  achievement: 'Thành tích',
  decision: 'Số, ngày quyết định',
  goldenBook: 'Số sổ vàng',
  placeDate: 'Địa danh, ngày tháng',
  signerTitle: 'Chức vụ người ký (cuối trang)',
  signerName: 'Họ tên người ký',
};

/** Fields a pre-printed blank already carries: not printed in blank mode. */
export const preprintedFields: readonly CertificateField[] = [
  'nationalName',
  'motto',
  'issuerTitle',
  'verb',
  'formName',
  'signerTitle',
];

/** A field's shift from its standard place, in millimetres, and its font size (pt; null: standard). */
export type FieldOffset = { x: number; y: number; fontSize: number | null };
export type FieldOffsets = Partial<Record<CertificateField, FieldOffset>>;
