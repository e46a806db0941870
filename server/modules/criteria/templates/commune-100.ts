import type { CriteriaTree, CriterionNode, Scoring, Tier } from '../../../../shared/criteria';

/**
 * The illustrative 100-point commune template of the domain brief §2.3: the national 8-field
 * structure (Decision 876/QĐ-BNV) and Hà Nội's commune areas, scaled to 100 points — 75 appraised
 * (incl. 8.3) + 25 from surveys, plus a ±3 bonus/penalty row outside the total. It is NOT an
 * official set: every province replaces it with its own decision (e.g. Sơn La 2211/QĐ-UBND/2025).
 *
 * Mapping of the table's "scoring method" column:
 * - "binary" → binary; "binary per item" (1.1) and "0.5 per report" (1.3) → binary sub-criteria.
 * - "tiered %" → tiered_percent with the tiers the table states (1.2, 3.2); where it gives none
 *   (6.1, 7.1, 7.2) and where it says only "%", the tiers below are ILLUSTRATIVE choices.
 * - "tiered" without a percentage: tiered_percent when a natural rate exists (1.4.b findings
 *   remedied, 2.3 findings handled, 4.3 delegated tasks done), otherwise manual with the levels
 *   written in the guidance (1.6 initiatives, 5.4 emulation work).
 * - "deduction" (5.3): 1 point per violation; "scaled from survey" (8.1, 8.2): surveyMax 100.
 * Evidence is uploaded per leaf, so leaves require it (except survey leaves) and parents do not.
 */

/** Shown wherever the template is offered, so nobody mistakes it for a legal text. */
export const communeTemplateLabel =
  'Bộ tiêu chí mẫu (minh họa) cấp xã — tỉnh thay thế bằng quyết định của mình';

const binary: Scoring = { method: 'binary' };
const manual: Scoring = { method: 'manual' };
/** tiers(100, 2, 80, 1) → 100 % = 2 points, ≥ 80 % = 1 point, below → 0. */
function tiers(...pairs: number[]): Scoring {
  const list: Tier[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    list.push({ minPercent: pairs[i] ?? 0, points: pairs[i + 1] ?? 0 });
  }
  return { method: 'tiered_percent', tiers: list };
}

function leaf(
  code: string,
  title: string,
  maxPoints: number,
  scoring: Scoring,
  evidence: string,
): CriterionNode {
  const surveyed = scoring.method === 'survey';
  return {
    id: `xa100-${code}`,
    code,
    title,
    maxPoints,
    scoring,
    evidenceRequired: !surveyed,
    guidance: surveyed ? evidence : `Tài liệu kiểm chứng: ${evidence}`,
    children: [],
  };
}

function group(
  code: string,
  title: string,
  maxPoints: number,
  children: CriterionNode[],
  guidance?: string,
): CriterionNode {
  return {
    id: `xa100-${code}`,
    code,
    title,
    maxPoints,
    evidenceRequired: false,
    ...(guidance === undefined ? {} : { guidance: `Tài liệu kiểm chứng: ${guidance}` }),
    children,
  };
}

const field1 = group('1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 10, [
  group(
    '1.1',
    'Kế hoạch cải cách hành chính năm',
    2,
    [
      leaf('1.1.a', 'Ban hành kế hoạch kịp thời', 1, binary, 'KH CCHC (xx/KH-UBND)'),
      leaf('1.1.b', 'Nội dung kế hoạch đầy đủ', 1, binary, 'KH CCHC (xx/KH-UBND)'),
    ],
    'KH CCHC (xx/KH-UBND)',
  ),
  leaf(
    '1.2',
    'Tỷ lệ nhiệm vụ trong kế hoạch CCHC được hoàn thành (100 % = 2; ≥ 80 % = 1; < 80 % = 0)',
    2,
    tiers(100, 2, 80, 1),
    'Báo cáo CCHC năm',
  ),
  group(
    '1.3',
    'Báo cáo CCHC định kỳ đúng hạn, đầy đủ (mỗi loại báo cáo 0,5 điểm)',
    1.5,
    [
      leaf('1.3.a', 'Báo cáo quý', 0.5, binary, 'Báo cáo quý I, quý III'),
      leaf('1.3.b', 'Báo cáo 6 tháng', 0.5, binary, 'Báo cáo 6 tháng'),
      leaf('1.3.c', 'Báo cáo năm', 0.5, binary, 'Báo cáo năm'),
    ],
    'Báo cáo',
  ),
  group(
    '1.4',
    'Kiểm tra, tự kiểm tra công tác CCHC; xử lý sau kiểm tra',
    1.5,
    [
      leaf(
        '1.4.a',
        'Ban hành kế hoạch và tiến hành kiểm tra, tự kiểm tra CCHC',
        0.5,
        binary,
        'KH kiểm tra, biên bản',
      ),
      leaf(
        '1.4.b',
        'Tỷ lệ kiến nghị sau kiểm tra được khắc phục (100 % = 1; ≥ 80 % = 0,5)',
        1,
        tiers(100, 1, 80, 0.5),
        'BC khắc phục',
      ),
    ],
    'KH kiểm tra, biên bản, BC khắc phục',
  ),
  leaf('1.5', 'Công tác tuyên truyền CCHC', 1, binary, 'KH tuyên truyền, tin bài'),
  {
    ...leaf(
      '1.6',
      'Có sáng kiến, mô hình, cách làm mới về CCHC được áp dụng',
      2,
      manual,
      'QĐ công nhận sáng kiến',
    ),
    guidance:
      'Tài liệu kiểm chứng: QĐ công nhận sáng kiến. Mức điểm (minh họa): 2 — sáng kiến được cấp có thẩm quyền công nhận và áp dụng; 1 — có sáng kiến đang áp dụng thử; 0 — không có.',
  },
]);

const field2 = group('2', 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', 6, [
  leaf(
    '2.1',
    'Tỷ lệ văn bản QPPL của xã được ban hành đúng kế hoạch, đúng trình tự (100 % = 2; ≥ 80 % = 1)',
    2,
    tiers(100, 2, 80, 1),
    'Danh mục văn bản, QĐ',
  ),
  leaf('2.2', 'Rà soát, hệ thống hóa văn bản QPPL', 2, binary, 'BC rà soát'),
  leaf(
    '2.3',
    'Tỷ lệ kiến nghị sau theo dõi thi hành pháp luật được xử lý (100 % = 2; ≥ 80 % = 1)',
    2,
    tiers(100, 2, 80, 1),
    'BC theo dõi thi hành pháp luật',
  ),
]);

const field3 = group('3', 'Cải cách thủ tục hành chính và cơ chế một cửa, một cửa liên thông', 14, [
  leaf('3.1', 'Công khai TTHC (niêm yết, trực tuyến)', 2, binary, 'Ảnh niêm yết, đường dẫn'),
  leaf(
    '3.2',
    'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (100 % = 4; ≥ 98 % = 3; ≥ 95 % = 2; thấp hơn = 0)',
    4,
    tiers(100, 4, 98, 3, 95, 2),
    'Hệ thống thông tin giải quyết TTHC',
  ),
  leaf('3.3', 'Gửi thư xin lỗi đối với 100 % hồ sơ quá hạn', 1, binary, 'Thư xin lỗi'),
  leaf(
    '3.4',
    'Tỷ lệ phản ánh, kiến nghị về quy định hành chính được xử lý đúng hạn (100 % = 2; ≥ 90 % = 1)',
    2,
    tiers(100, 2, 90, 1),
    'Sổ theo dõi / BC phản ánh, kiến nghị',
  ),
  leaf(
    '3.5',
    'Cơ sở vật chất, bố trí công chức tại bộ phận một cửa đúng quy định',
    2,
    binary,
    'QĐ, biên bản kiểm tra',
  ),
  leaf(
    '3.6',
    'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC (≥ 90 % = 3; ≥ 70 % = 2; ≥ 50 % = 1)',
    3,
    tiers(90, 3, 70, 2, 50, 1),
    'Số liệu thống kê trên hệ thống',
  ),
]);

const field4 = group('4', 'Cải cách tổ chức bộ máy', 7, [
  leaf(
    '4.1',
    'Chức năng, nhiệm vụ nội bộ và vị trí việc làm đúng quy định',
    3,
    binary,
    'QĐ chức năng, nhiệm vụ; đề án vị trí việc làm',
  ),
  leaf('4.2', 'Sử dụng biên chế trong số được giao', 2, binary, 'BC biên chế'),
  leaf(
    '4.3',
    'Tỷ lệ nhiệm vụ được phân cấp, ủy quyền thực hiện đúng (100 % = 2; ≥ 80 % = 1)',
    2,
    tiers(100, 2, 80, 1),
    'Báo cáo',
  ),
]);

const field5 = group('5', 'Cải cách chế độ công vụ', 11, [
  leaf(
    '5.1',
    'Tuyển dụng, bổ nhiệm, đánh giá, xếp loại đúng quy định (kể cả tỷ lệ HTXSNV không quá 20 %)',
    3,
    binary,
    'QĐ, biên bản đánh giá',
  ),
  leaf(
    '5.2',
    'Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng (100 % = 2; ≥ 80 % = 1)',
    2,
    tiers(100, 2, 80, 1),
    'KH đào tạo, báo cáo',
  ),
  leaf(
    '5.3',
    'Kỷ luật, kỷ cương, đạo đức công vụ (không vi phạm = 3; trừ 1 điểm mỗi trường hợp vi phạm)',
    3,
    { method: 'deduction', perIncident: 1 },
    'Báo cáo, QĐ kỷ luật',
  ),
  {
    ...leaf(
      '5.4',
      'Tổ chức thi đua, khen thưởng gắn với công tác CCHC',
      3,
      manual,
      'KH thi đua, QĐ khen thưởng',
    ),
    guidance:
      'Tài liệu kiểm chứng: KH thi đua, QĐ khen thưởng. Mức điểm (minh họa): 3 — có kế hoạch, phát động, sơ kết/tổng kết và khen thưởng gắn với CCHC; 2 — có kế hoạch và phát động nhưng chưa sơ kết/tổng kết; 1 — chỉ lồng ghép trong phong trào chung; 0 — không tổ chức.',
  },
]);

const field6 = group('6', 'Cải cách tài chính công', 8, [
  leaf(
    '6.1',
    'Tỷ lệ thực hiện, giải ngân dự toán ngân sách so với kế hoạch (≥ 95 % = 3; ≥ 90 % = 2; ≥ 80 % = 1)',
    3,
    tiers(95, 3, 90, 2, 80, 1),
    'Báo cáo tài chính',
  ),
  leaf(
    '6.2',
    'Quy chế chi tiêu nội bộ; quản lý, sử dụng tài sản công',
    2,
    binary,
    'Quy chế chi tiêu nội bộ',
  ),
  leaf(
    '6.3',
    'Tỷ lệ kết luận thanh tra, kiểm toán được khắc phục (100 % = 3; ≥ 80 % = 2; ≥ 50 % = 1)',
    3,
    tiers(100, 3, 80, 2, 50, 1),
    'BC khắc phục',
  ),
]);

const field7 = group('7', 'Xây dựng, phát triển chính quyền điện tử, chính quyền số', 14, [
  leaf(
    '7.1',
    'Tỷ lệ hồ sơ TTHC nộp trực tuyến toàn trình (≥ 80 % = 4; ≥ 60 % = 3; ≥ 40 % = 2; ≥ 20 % = 1)',
    4,
    tiers(80, 4, 60, 3, 40, 2, 20, 1),
    'Số liệu thống kê Cổng dịch vụ công',
  ),
  leaf(
    '7.2',
    'Tỷ lệ văn bản trao đổi dưới dạng điện tử có ký số (≥ 90 % = 3; ≥ 80 % = 2; ≥ 70 % = 1)',
    3,
    tiers(90, 3, 80, 2, 70, 1),
    'Số liệu thống kê hệ thống quản lý văn bản',
  ),
  leaf(
    '7.3',
    'Tỷ lệ thanh toán phí, lệ phí trực tuyến (≥ 50 % = 2; ≥ 30 % = 1)',
    2,
    tiers(50, 2, 30, 1),
    'Số liệu thống kê',
  ),
  leaf('7.4', 'Bảo đảm an toàn thông tin; trang thông tin điện tử của xã', 2, binary, 'Báo cáo'),
  leaf(
    '7.5',
    'Tỷ lệ nhiệm vụ Đề án 06, VNeID, cập nhật cơ sở dữ liệu hoàn thành (100 % = 3; ≥ 90 % = 2; ≥ 70 % = 1)',
    3,
    tiers(100, 3, 90, 2, 70, 1),
    'BC thực hiện Đề án 06',
  ),
]);

const field8 = group('8', 'Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH', 30, [
  leaf(
    '8.1',
    'Mức độ hài lòng của người dân, tổ chức (khảo sát kiểu SIPAS)',
    15,
    { method: 'survey', surveyMax: 100 },
    'Phiếu khảo sát — điểm khảo sát (0 – 100) quy đổi theo tỷ lệ; đơn vị không tự chấm',
  ),
  leaf(
    '8.2',
    'Khảo sát cán bộ, lãnh đạo về hiệu quả CCHC',
    10,
    { method: 'survey', surveyMax: 100 },
    'Phiếu khảo sát — điểm khảo sát (0 – 100) quy đổi theo tỷ lệ; đơn vị không tự chấm',
  ),
  leaf(
    '8.3',
    'Tỷ lệ chỉ tiêu KT-XH theo nghị quyết đạt được (100 % = 5; ≥ 90 % = 4; ≥ 80 % = 3; ≥ 70 % = 2; ≥ 50 % = 1)',
    5,
    tiers(100, 5, 90, 4, 80, 3, 70, 2, 50, 1),
    'Báo cáo KT-XH',
  ),
]);

const bonusPenalty: CriterionNode = {
  ...leaf(
    '±',
    'Điểm thưởng / điểm trừ (thưởng: khen thưởng, thí điểm; trừ: sự cố, vi phạm) — ngoài tổng 100 điểm',
    3,
    { method: 'adjustment', maxBonus: 3, maxPenalty: 3 },
    'QĐ khen thưởng, văn bản giao thí điểm; biên bản, kết luận về sự cố, vi phạm',
  ),
  id: 'xa100-thuong-tru',
};

/** The illustrative commune template (domain brief §2.3): 8 fields, 100 points, ±3 adjustment. */
export const communeTemplate: CriteriaTree = {
  maxTotal: 100,
  fields: [field1, field2, field3, field4, field5, field6, field7, field8, bonusPenalty],
};
