import type { PlanContentInput } from '../../../shared/campaign';
import { storedPlanContent } from '../../test/plans';
import type { PlanDocumentInput } from './plan-document';

/**
 * Test inputs built from the seed plans (shared/seeds). `seed001Plan` is UBND huyện Châu Thành's
 * 47/KH-UBND of 18/02/2022; `seed000Plan` the commune plan of Lương Điền with a blank number.
 */

const seed001Content: PlanContentInput = {
  legalBases: [
    {
      text: 'Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030',
      number: '23/CT-TTg',
      date: '2021-09-02',
    },
    {
      text: 'Kế hoạch số 595/KH-UBND ngày 17/02/2022 của UBND tỉnh về phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính và kiểm soát thủ tục hành chính trên địa bàn tỉnh Tây Ninh từ nay đến năm 2025;',
      number: '595/KH-UBND',
      date: '2022-02-17',
    },
    {
      text: 'Quyết định số 1012/QĐ-UBND ngày 05/5/2021 của UBND huyện về việc ban hành Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ huyện Châu Thành lần thứ XII về cải cách hành chính giai đoạn 2021 - 2025.',
      number: '1012/QĐ-UBND',
      date: '2021-05-05',
    },
  ],
  preamble:
    'UBND huyện Châu Thành ban hành Kế hoạch phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính và kiểm soát thủ tục hành chính trên địa bàn huyện Châu Thành từ nay đến năm 2025 với các nội dung như sau:',
  theme:
    'Đẩy mạnh cải cách hành chính, thực hiện đạo đức và văn hóa công vụ, nâng cao chất lượng phục vụ người dân và doanh nghiệp, xây dựng nền hành chính hiện đại, năng động, trách nhiệm và linh hoạt.',
  purposes: [
    'Phát huy vai trò của từng tập thể, cá nhân trong việc tổ chức, triển khai, thực hiện thắng lợi nhiệm vụ cải cách hành chính và kiểm soát thủ tục hành chính.',
    'Tạo ra phong trào thi đua sôi nổi, rộng khắp trong cán bộ, công chức, viên chức các cơ quan hành chính nhà nước các cấp.',
  ],
  requirements: [
    'Phong trào thi đua chuyên đề được phát động sâu rộng tới cán bộ, công chức, viên chức và được đăng ký tham gia một cách tự nguyện với phương châm: Thiết thực, hiệu quả, tránh phô trương hình thức.',
    'Việc bình xét, khen thưởng phải đảm bảo kịp thời, dân chủ, khách quan, đúng đối tượng, tiêu chuẩn và thành tích đạt được của tập thể, cá nhân.',
  ],
  goals: [
    'Đề cao kỷ luật, kỷ cương hành chính, quy định rõ trách nhiệm của người đứng đầu trong thực thi nhiệm vụ, công vụ.',
    'Duy trì, cải thiện, nâng cao điểm số và vị trí xếp hạng đối với chỉ số cải cách hành chính của huyện qua từng năm; phấn đấu đến năm 2025 chỉ số cải cách hành chính của huyện (Par Index) duy trì thuộc nhóm tốt của cả tỉnh.',
  ],
  contents: [
    'Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, Chính quyền các cấp trong thực hiện công tác cải cách hành chính.',
    'Đẩy mạnh công tác thông tin, tuyên truyền về cải cách hành chính gắn với nâng cao chất lượng quản trị và hành chính công.',
    'Khuyến khích các tổ chức, cá nhân đề xuất các giải pháp, sáng kiến thiết thực, hiệu quả trong triển khai thực hiện cải cách hành chính.',
  ],
  participants: {
    collectiveUnitKinds: ['department', 'commune'],
    collectives: [
      'Các phòng, ban, ngành cấp huyện và các đơn vị trực thuộc',
      'UBND các xã, thị trấn',
    ],
    individualCategories: ['can_bo', 'cong_chuc', 'vien_chuc'],
    individuals: ['Cán bộ, công chức, viên chức thuộc các tập thể trên'],
  },
  reviewRounds: [
    { kind: 'annual', label: 'Sơ kết hằng năm', date: null },
    { kind: 'final', label: 'Tổng kết phong trào thi đua', date: '2025-12-15' },
  ],
  assignments: [
    {
      assignee: 'Phòng Nội vụ phối hợp Văn phòng HĐND và UBND huyện',
      task: '- Tham mưu UBND huyện tổng kết việc thực hiện phong trào thi đua hàng năm và cả giai đoạn.\n- Thẩm định, trình UBND huyện khen thưởng các tập thể, cá nhân có thành tích xuất sắc.',
    },
    {
      assignee: 'Trung tâm Văn hóa, Thể thao và Truyền thanh huyện',
      task: 'Thường xuyên tuyên truyền phong trào thi đua; phát hiện, nêu gương các tập thể, cá nhân có thành tích xuất sắc.',
    },
  ],
  recipients: [
    'Ban TĐKT Tỉnh;',
    'TT: HU+ HĐND huyện;',
    'CT, các PCT UBND huyện;',
    'Các cơ quan, ban, ngành huyện;',
    'UBND các xã, thị trấn Châu Thành;',
    'Lưu: VT, PM.',
  ],
  signer: { authority: null, title: 'Chủ tịch', name: 'Lê Ngọc Ân' },
  closing:
    'Trên đây là Kế hoạch phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính và kiểm soát thủ tục hành chính trên địa bàn huyện Châu Thành từ nay đến năm 2025, UBND huyện đề nghị các cơ quan, đơn vị, địa phương nghiêm túc triển khai, thực hiện./.',
};

/** Seed 001 as issued: 47/KH-UBND, Châu Thành, 18/02/2022. Pass overrides to vary it. */
export function seed001Plan(overrides: Partial<PlanDocumentInput> = {}): PlanDocumentInput {
  return {
    parentBody: null,
    issuingBody: 'ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH',
    docType: 'KH',
    documentNumber: '47/KH-UBND',
    documentSymbol: 'KH-UBND',
    place: 'Châu Thành',
    issuedOn: '2022-02-18',
    draftYear: 2022,
    title:
      'Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính và kiểm soát thủ tục hành chính trên địa bàn huyện Châu Thành từ nay đến năm 2025',
    kind: 'campaign',
    mode: 'thematic',
    periodStart: '2022-02-18',
    periodEnd: '2025-12-31',
    registrationDeadline: null,
    cascade: {
      deadline: '2022-02-28',
      unitNames: ['Thủ trưởng các cơ quan, ban, ngành huyện', 'Chủ tịch UBND các xã, thị trấn'],
    },
    content: storedPlanContent(seed001Content),
    draft: false,
    ...overrides,
  };
}

/** Seed 000, Lương Điền commune, as a draft of 2026: blank number and date, a cash gift reward. */
export function seed000Draft(overrides: Partial<PlanDocumentInput> = {}): PlanDocumentInput {
  return {
    parentBody: 'UBND HUYỆN CẨM GIÀNG',
    issuingBody: 'ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN',
    docType: 'KH',
    documentNumber: null,
    documentSymbol: 'KH-UBND',
    place: 'Lương Điền',
    issuedOn: null,
    draftYear: 2026,
    title:
      'Phát động phong trào thi đua đẩy mạnh công tác cải cách hành chính nhà nước trên địa bàn xã năm 2026',
    kind: 'campaign',
    mode: null,
    periodStart: null,
    periodEnd: '2026-12-31',
    registrationDeadline: '2026-01-05',
    cascade: null,
    content: storedPlanContent({
      legalBases: [
        {
          text: 'Thực hiện Kế hoạch số 131/KH-UBND ngày 30/12/2025 của UBND huyện Cẩm Giàng về cải cách hành chính nhà nước năm 2026',
        },
      ],
      purposes: ['Đẩy mạnh khí thế thi đua sôi nổi, cổ vũ, động viên các tập thể, cá nhân.'],
      contents: ['Thi đua nâng cao trách nhiệm của người đứng đầu.'],
      participants: { individuals: ['Cán bộ, công chức xã'] },
      rewards: [
        {
          form: 'Tặng quà',
          scope: 'individual',
          issuerTitle: 'Chủ tịch UBND xã',
          amountVnd: 300000,
        },
        {
          form: 'Giấy khen',
          scope: 'collective',
          issuerTitle: 'Chủ tịch UBND xã',
          coefficient: 0.3,
        },
      ],
      quotas: [
        { scope: 'collective', level: 'Giấy khen của Chủ tịch UBND xã', maxCount: 1 },
        { scope: 'individual', level: 'Giấy khen của Chủ tịch UBND xã', maxCount: 2 },
        { scope: 'individual', level: 'Tặng quà', maxPercent: 20 },
      ],
      signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Nguyễn Đình Bằng' },
    }),
    draft: true,
    ...overrides,
  };
}

/** Seed 004, the Trung Lương ward initiative-writing contest, with prizes and entry quotas. */
export function seed004Contest(overrides: Partial<PlanDocumentInput> = {}): PlanDocumentInput {
  return {
    parentBody: null,
    issuingBody: 'ỦY BAN NHÂN DÂN PHƯỜNG TRUNG LƯƠNG',
    docType: 'KH',
    documentNumber: '5/KH-UBND',
    documentSymbol: 'KH-UBND',
    place: 'Trung Lương',
    issuedOn: '2024-05-09',
    draftYear: 2024,
    title:
      'Tổ chức cuộc thi viết “Sáng kiến, giải pháp cải cách hành chính phường Trung Lương năm 2024”',
    kind: 'contest',
    mode: null,
    periodStart: '2024-05-09',
    periodEnd: '2024-09-30',
    registrationDeadline: '2024-06-30',
    cascade: null,
    content: storedPlanContent({
      purposes: ['Phát huy tính xung kích, năng động, sáng tạo của cán bộ, công chức.'],
      participants: {
        collectives: ['Các tổ chức trong hệ thống chính trị của phường'],
        individuals: ['Cán bộ, công chức, viên chức, người lao động của phường'],
      },
      contest: {
        topics: ['Sáng kiến, giải pháp nâng cao chất lượng dịch vụ công trực tuyến toàn trình.'],
        prizes: [
          { rank: 'Nhất', count: 1, amountVnd: 3000000 },
          { rank: 'Giải Nhì', count: 2, recipient: 'individual', amountVnd: 2000000 },
        ],
        entryQuotas: [{ unitType: 'Mỗi tổ chức đoàn thể', minEntries: 1 }],
        noveltyCutoff: '2025-04-30',
        funding: 'Trích từ nguồn ngân sách của phường năm 2024.',
      },
      signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Nguyễn Công Lộc' },
    }),
    draft: false,
    ...overrides,
  };
}
