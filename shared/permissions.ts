/**
 * The permission catalogue: which role may do which action. Roles are granted at an org unit
 * (or system-wide for administrators) and cover that unit's whole subtree.
 * This table is the single source of truth; server policies and the web UI both read it.
 */

export const Role = {
  admin: 'admin',
  emulationOfficer: 'emulation_officer',
  councilMember: 'council_member',
  unitHead: 'unit_head',
  staff: 'staff',
  juror: 'juror',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const roles = Object.values(Role) as [Role, ...Role[]];

export const roleLabels: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  emulation_officer: 'Cán bộ thi đua / Thư ký hội đồng',
  council_member: 'Thành viên Hội đồng TĐKT',
  unit_head: 'Thủ trưởng đơn vị',
  staff: 'Cán bộ, công chức',
  juror: 'Giám khảo',
};

/**
 * Roles that run the system rather than act for a unit. Only these may be granted system-wide
 * (without a unit), and holding one at a unit does not make its holder act for that unit (the
 * unit's side of a notification goes to holders of the other roles). Code asks `isSystemRole`,
 * never compares role names.
 */
export const systemRoles: readonly Role[] = ['admin'];

export function isSystemRole(role: Role): boolean {
  return systemRoles.includes(role);
}

export const Action = {
  unitView: 'unit.view',
  unitManage: 'unit.manage',
  personView: 'person.view',
  personManage: 'person.manage',
  personImport: 'person.import',
  personExport: 'person.export',
  auditView: 'audit.view',
  accountManage: 'account.manage',
  campaignView: 'campaign.view',
  campaignDraft: 'campaign.draft',
  campaignIssue: 'campaign.issue',
  registrationSubmit: 'registration.submit',
  registrationReview: 'registration.review',
  criteriaManage: 'criteria.manage',
  evaluationAppraise: 'evaluation.appraise',
  resultsPublish: 'results.publish',
  resultsReopen: 'results.reopen',
  councilVote: 'council.vote',
  juryScore: 'jury.score',
  decisionSign: 'decision.sign',
  documentRegisterManage: 'document_register.manage',
  awardCatalogueManage: 'award_catalogue.manage',
  honourManage: 'honour.manage',
  disciplineView: 'discipline.view',
  disciplineManage: 'discipline.manage',
  quotaSimulate: 'quota.simulate',
  nominationSubmit: 'nomination.submit',
  nominationReview: 'nomination.review',
  councilManage: 'council.manage',
  certificateTemplateManage: 'certificate_template.manage',
  awardDecisionManage: 'award_decision.manage',
} as const;
export type Action = (typeof Action)[keyof typeof Action];
export const actions = Object.values(Action) as [Action, ...Action[]];

export const actionLabels: Record<Action, string> = {
  'unit.view': 'Xem cơ cấu tổ chức',
  'unit.manage': 'Thêm, sửa, chuyển đơn vị',
  'person.view': 'Xem danh sách cán bộ, công chức',
  'person.manage': 'Thêm, sửa, điều chuyển cán bộ',
  'person.import': 'Nhập dữ liệu từ Excel',
  'person.export': 'Xuất dữ liệu ra Excel',
  'audit.view': 'Xem nhật ký thay đổi',
  'account.manage': 'Quản lý tài khoản và phân quyền',
  'campaign.view': 'Xem kế hoạch thi đua (kể cả dự thảo)',
  'campaign.draft': 'Soạn, sửa kế hoạch thi đua của đơn vị mình',
  'campaign.issue': 'Ban hành, điều chỉnh, hủy kế hoạch thi đua của đơn vị mình',
  'registration.submit': 'Đăng ký thi đua cho đơn vị và cán bộ của đơn vị',
  'registration.review': 'Duyệt, trả lại đăng ký thi đua; nhận đăng ký muộn',
  'criteria.manage': 'Soạn, ban hành bộ tiêu chí đánh giá',
  'evaluation.appraise': 'Thẩm định, chấm điểm phiếu đánh giá; tính kết quả',
  'results.publish': 'Công bố kết quả đánh giá của đơn vị mình',
  'results.reopen': 'Mở lại kết quả đánh giá đã công bố',
  'council.vote': 'Bỏ phiếu tại phiên họp Hội đồng thi đua – khen thưởng',
  'jury.score': 'Chấm điểm sáng kiến (giám khảo)',
  'decision.sign': 'Ký quyết định khen thưởng của đơn vị mình',
  'document_register.manage': 'Quản lý sổ văn bản đi của đơn vị mình (hủy số)',
  'award_catalogue.manage':
    'Quản lý danh mục khen thưởng: danh hiệu, hình thức, hệ số, mức lương cơ sở, quy tắc làm tròn',
  'honour.manage': 'Ghi, nhập từ Excel, xóa khen thưởng đã nhận của cán bộ và tập thể',
  'discipline.view': 'Xem kỷ luật, điều tra, khiếu nại đang xem xét của cán bộ',
  'discipline.manage': 'Ghi, sửa, xóa kỷ luật, điều tra, khiếu nại đang xem xét của cán bộ',
  'quota.simulate': 'Xem thử hạn mức khen thưởng của kế hoạch (ai trong, ai ngoài hạn mức)',
  'nomination.submit': 'Lập, gửi, rút đề nghị khen thưởng của đơn vị mình',
  'nomination.review':
    'Tiếp nhận, trả lại, chuyển cấp trên đề nghị khen thưởng gửi lên đơn vị mình',
  'council.manage':
    'Lập Hội đồng thi đua – khen thưởng, lên lịch họp xét, ghi điểm danh, chương trình và kết quả kiểm phiếu',
  'certificate_template.manage':
    'Quản lý mẫu in giấy khen của đơn vị mình (in giấy trắng hoặc in trên phôi in sẵn, căn lề từng dòng)',
  'award_decision.manage':
    'Soạn dự thảo quyết định khen thưởng của đơn vị mình (danh sách kèm theo, số tiền)',
};

/**
 * Actions that must be held at the very unit concerned, not inherited from an ancestor: a plan is
 * drafted by the emulation officer of the issuing unit and issued by that unit's head, never by a
 * province officer on a commune's behalf.
 */
export const unitOwnActions: readonly Action[] = [
  'campaign.draft',
  'campaign.issue',
  'results.publish',
  'decision.sign',
  'document_register.manage',
];

/**
 * The work of the council, the inspection team and the jury: administrators run the system and
 * do not appraise, reopen results, vote or score, even though they hold every other action.
 */
export const memberOnlyActions: readonly Action[] = [
  'evaluation.appraise',
  'results.reopen',
  'council.vote',
  'jury.score',
];

/** role × action. Read as: "a <role> granted at unit U may <action> anywhere in U's subtree". */
export const permissionCatalogue: Record<Role, readonly Action[]> = {
  // Administrators run the system; authoring and issuing plans belongs to the units themselves.
  admin: actions.filter((a) => !unitOwnActions.includes(a) && !memberOnlyActions.includes(a)),
  emulation_officer: [
    'unit.view',
    'unit.manage',
    'person.view',
    'person.manage',
    'person.import',
    'person.export',
    'audit.view',
    'campaign.view',
    'campaign.draft',
    'registration.submit',
    'registration.review',
    'criteria.manage',
    'evaluation.appraise',
    // The officer of the unit's internal-affairs office (phòng Nội vụ) keeps its register.
    'document_register.manage',
    // The emulation officer keeps the award history and the discipline records awards depend on.
    'honour.manage',
    'discipline.view',
    'discipline.manage',
    'quota.simulate',
    'nomination.submit',
    'nomination.review',
    // The emulation officer is the council's standing secretary (thư ký hội đồng).
    'council.manage',
    // … and prints the certificates: the unit's templates for pre-printed blanks.
    'certificate_template.manage',
    // The officer drafts the award decision; the head signs it (decision.sign).
    'award_decision.manage',
  ],
  council_member: [
    'unit.view',
    'person.view',
    'campaign.view',
    'evaluation.appraise',
    'results.reopen',
    'council.vote',
  ],
  unit_head: [
    'unit.view',
    'person.view',
    'person.manage',
    'person.export',
    'campaign.view',
    'campaign.issue',
    'registration.submit',
    'results.publish',
    'decision.sign',
    'discipline.view',
    'quota.simulate',
    'nomination.submit',
  ],
  staff: ['unit.view', 'person.view', 'campaign.view'],
  juror: ['unit.view', 'campaign.view', 'jury.score'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return permissionCatalogue[role].includes(action);
}

/** A role granted at a unit (null: system-wide), as the session reports it. */
export type GrantRef = { role: Role; unitId: string | number | null; unitName: string | null };

/**
 * The units where the grants allow `action` (each once, in grant order), and whether a
 * system-wide grant allows it everywhere: what a form offers to choose from. The server still
 * decides every action.
 */
export function unitsAllowing(
  grants: readonly GrantRef[],
  action: Action,
): { all: boolean; units: { id: string; name: string }[] } {
  const out = { all: false, units: [] as { id: string; name: string }[] };
  const seen = new Set<string>();
  for (const g of grants) {
    if (!roleAllows(g.role, action)) continue;
    if (g.unitId === null) {
      out.all = true;
      continue;
    }
    const id = String(g.unitId);
    if (seen.has(id)) continue;
    seen.add(id);
    out.units.push({ id, name: g.unitName ?? `Đơn vị #${id}` });
  }
  return out;
}
