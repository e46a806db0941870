import { PlanContentInput, type PlanContent } from '../../shared/campaign';
import { assignPlanItemIds } from '../../shared/plan-items';

/** A complete plan body (after seed 001, Châu Thành 47/KH-UBND) for tests to start from. */
export function samplePlanContent(overrides: Partial<PlanContentInput> = {}): PlanContentInput {
  return {
    legalBases: [
      {
        text: 'Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030',
        number: '23/CT-TTg',
        date: '2021-09-02',
      },
    ],
    theme: 'Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp',
    purposes: ['Phát huy vai trò của từng tập thể, cá nhân trong cải cách hành chính.'],
    requirements: ['Việc bình xét, khen thưởng phải đảm bảo kịp thời, dân chủ, khách quan.'],
    goals: ['Chỉ số cải cách hành chính của huyện duy trì thuộc nhóm tốt của tỉnh.'],
    contents: [
      'Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, Chính quyền các cấp.',
      'Đẩy mạnh công tác thông tin, tuyên truyền về cải cách hành chính.',
    ],
    participants: {
      collectiveUnitKinds: ['department', 'commune', 'township'],
      collectives: ['Các phòng, ban, ngành cấp huyện', 'UBND các xã, thị trấn'],
      individualCategories: ['can_bo', 'cong_chuc'],
      individuals: ['Cá nhân thuộc các tập thể trên'],
    },
    criteria: {
      collective: ['Hoàn thành xuất sắc nhiệm vụ'],
      individual: ['Không vi phạm kỷ luật'],
    },
    rewards: [
      {
        form: 'Giấy khen',
        scope: 'collective',
        issuerTitle: 'Chủ tịch UBND huyện',
        coefficient: 0.6,
      },
    ],
    quotas: [{ scope: 'collective', level: 'Giấy khen của Chủ tịch UBND huyện', maxPercent: 20 }],
    recipients: ['Ban TĐKT Tỉnh', 'UBND các xã, thị trấn', 'Lưu: VT'],
    signer: { authority: null, title: 'CHỦ TỊCH', name: 'Lê Ngọc Ân' },
    ...overrides,
  };
}

export function samplePlanInput(issuingUnitId: number, overrides: Record<string, unknown> = {}) {
  return {
    issuingUnitId,
    kind: 'campaign',
    mode: 'thematic',
    place: 'Châu Thành',
    title: 'Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính đến năm 2027',
    periodStart: null,
    periodEnd: '2027-12-31',
    registrationDeadline: '2026-12-31',
    content: samplePlanContent(),
    ...overrides,
  };
}

/**
 * Content as stored (every item with an id) from an input body, for tests that render or inspect
 * content without saving a plan. Ids are random; documents never print them.
 */
export function storedPlanContent(input: PlanContentInput = {}): PlanContent {
  return assignPlanItemIds(PlanContentInput.parse(input), 'any').content;
}
