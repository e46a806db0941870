import type { CertificateRow } from './certificate-pdf';

/**
 * The sample certificate a template preview prints (a commune chairman's Giấy khen, seed 000's
 * commune). Also the base of the tests' rows.
 */
export function sampleCertificateRow(over: Partial<CertificateRow> = {}): CertificateRow {
  return {
    recipientKind: 'individual',
    name: 'Nguyễn Thị Lan',
    position: 'Công chức Văn phòng - Thống kê',
    unit: 'Ủy ban nhân dân xã Lương Điền',
    achievement:
      'Đã có thành tích tiêu biểu, xuất sắc trong phong trào thi đua đẩy mạnh cải cách hành chính nhà nước năm 2023',
    formName: 'Giấy khen',
    awardKind: 'form',
    decisionNumber: '12/QĐ-UBND',
    decisionDate: '2024-01-05',
    goldenBookNo: 7,
    place: 'Lương Điền',
    signDate: '2024-01-05',
    signerTitle: 'Chủ tịch',
    signerName: 'Phạm Văn Hùng',
    issuerName: 'Ủy ban nhân dân xã Lương Điền',
    ...over,
  };
}
