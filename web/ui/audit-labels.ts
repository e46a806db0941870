/** Vietnamese labels for audit entries. Unknown codes fall back to the raw value. */
import { genderLabels, personCategoryLabels, unitKindLabels } from '../../shared/org';
import { roleLabels } from '../../shared/permissions';

export const entityTypeLabels: Record<string, string> = {
  unit: 'Đơn vị',
  org_unit: 'Đơn vị',
  person: 'Cán bộ',
  account: 'Tài khoản',
  user_account: 'Tài khoản',
  grant: 'Phân quyền',
  role_grant: 'Phân quyền',
  import: 'Nhập Excel',
  session: 'Phiên đăng nhập',
  job: 'Công việc nền',
  campaign_plan: 'Kế hoạch thi đua',
  registration: 'Đăng ký thi đua',
  criteria_set_version: 'Bộ tiêu chí',
  score_sheet: 'Phiếu tự chấm điểm',
  document_register_entry: 'Sổ văn bản đi',
  award_form: 'Danh mục khen thưởng',
  base_salary: 'Mức lương cơ sở',
  award_rounding: 'Quy tắc làm tròn tiền thưởng',
  honour: 'Khen thưởng đã nhận',
  discipline_record: 'Kỷ luật, điều tra, khiếu nại',
  certificate_template: 'Mẫu in giấy khen',
};

/** The actions the server records, for the audit page filter (matched by prefix). */
export const auditActionOptions: { value: string; label: string }[] = [
  { value: 'unit.', label: 'Đơn vị — mọi thao tác' },
  { value: 'unit.created', label: 'Đơn vị — tạo mới' },
  { value: 'unit.updated', label: 'Đơn vị — cập nhật' },
  { value: 'unit.moved', label: 'Đơn vị — chuyển' },
  { value: 'unit.import', label: 'Đơn vị — nhập từ Excel' },
  { value: 'person.', label: 'Cán bộ — mọi thao tác' },
  { value: 'person.created', label: 'Cán bộ — thêm mới' },
  { value: 'person.updated', label: 'Cán bộ — cập nhật' },
  { value: 'person.moved', label: 'Cán bộ — điều chuyển' },
  { value: 'person.import', label: 'Cán bộ — nhập từ Excel' },
  { value: 'person.export', label: 'Cán bộ — xuất Excel' },
  { value: 'import.', label: 'Yêu cầu nhập Excel' },
  { value: 'account.', label: 'Tài khoản — mọi thao tác' },
  { value: 'account.created', label: 'Tài khoản — tạo mới' },
  { value: 'account.updated', label: 'Tài khoản — cập nhật, khoá/mở khoá' },
  { value: 'account.password_reset', label: 'Tài khoản — đặt lại mật khẩu' },
  { value: 'account.role_granted', label: 'Tài khoản — cấp vai trò' },
  { value: 'account.role_revoked', label: 'Tài khoản — thu hồi vai trò' },
  { value: 'plan.', label: 'Kế hoạch thi đua — mọi thao tác' },
  { value: 'plan.issued', label: 'Kế hoạch thi đua — ban hành' },
  { value: 'plan.amended', label: 'Kế hoạch thi đua — điều chỉnh' },
  { value: 'registration.', label: 'Đăng ký thi đua — mọi thao tác' },
  { value: 'registration.submitted', label: 'Đăng ký thi đua — gửi đăng ký' },
  { value: 'registration.accepted_late', label: 'Đăng ký thi đua — nhận đăng ký muộn' },
  { value: 'registration.approved', label: 'Đăng ký thi đua — duyệt' },
  { value: 'registration.returned', label: 'Đăng ký thi đua — trả lại' },
  { value: 'registration.resubmitted', label: 'Đăng ký thi đua — nộp lại' },
  { value: 'registration.withdrawn', label: 'Đăng ký thi đua — rút' },
  { value: 'plan.evaluation_set', label: 'Kế hoạch thi đua — chọn bộ tiêu chí, mức xếp loại' },
  { value: 'document_number.cancelled', label: 'Sổ văn bản đi — hủy số' },
  { value: 'award_form.', label: 'Danh mục khen thưởng — thêm, phiên bản mới' },
  { value: 'base_salary.added', label: 'Mức lương cơ sở — thêm mức mới' },
  { value: 'award_rounding.set', label: 'Quy tắc làm tròn tiền thưởng' },
  { value: 'honour.', label: 'Khen thưởng đã nhận — ghi, nhập, xóa' },
  { value: 'discipline_record.', label: 'Kỷ luật, điều tra, khiếu nại — mọi thao tác' },
  { value: 'certificate_template.', label: 'Mẫu in giấy khen — thêm, sửa, xóa' },
  { value: 'criteria.', label: 'Bộ tiêu chí — mọi thao tác' },
  { value: 'criteria.updated', label: 'Bộ tiêu chí — sửa bản nháp' },
  { value: 'criteria.published', label: 'Bộ tiêu chí — ban hành' },
  { value: 'score_sheet.', label: 'Phiếu tự chấm điểm — mọi thao tác' },
  { value: 'score_sheet.self_imported', label: 'Phiếu tự chấm điểm — nhập từ Excel' },
  { value: 'score_sheet.submitted', label: 'Phiếu tự chấm điểm — nộp' },
  { value: 'score_sheet.returned', label: 'Phiếu tự chấm điểm — trả lại' },
  { value: 'score_sheet.appraisal_scored', label: 'Thẩm định — chấm một tiêu chí' },
  { value: 'score_sheet.explanation_requested', label: 'Thẩm định — đề nghị giải trình' },
  { value: 'score_sheet.explanation_submitted', label: 'Thẩm định — đơn vị gửi giải trình' },
  { value: 'score_sheet.appraised', label: 'Thẩm định — kết thúc' },
  { value: 'score_sheet.survey_imported', label: 'Nhập điểm khảo sát' },
  { value: 'individual_check.', label: 'Tiêu chí cá nhân — mọi thao tác' },
  { value: 'results.', label: 'Kết quả đánh giá — mọi thao tác' },
  { value: 'results.computed', label: 'Kết quả đánh giá — tính' },
  { value: 'results.published', label: 'Kết quả đánh giá — công bố' },
  { value: 'results.reopened', label: 'Kết quả đánh giá — mở lại' },
  { value: 'auth.login', label: 'Đăng nhập' },
  { value: 'auth.password_changed', label: 'Đổi mật khẩu' },
];

export const auditActionLabels: Record<string, string> = {
  'import.people': 'Nhập Excel cán bộ',
  'import.units': 'Nhập Excel đơn vị',
  create: 'Tạo mới',
  created: 'Tạo mới',
  insert: 'Tạo mới',
  update: 'Cập nhật',
  updated: 'Cập nhật',
  move: 'Điều chuyển',
  moved: 'Điều chuyển',
  deactivate: 'Ngừng hoạt động',
  activate: 'Kích hoạt',
  delete: 'Xoá',
  deleted: 'Xoá',
  import: 'Nhập Excel',
  grant: 'Cấp quyền',
  revoke: 'Thu hồi quyền',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  password_change: 'Đổi mật khẩu',
  password_changed: 'Đổi mật khẩu',
  password_reset: 'Đặt lại mật khẩu',
  activated: 'Kích hoạt',
  deactivated: 'Ngừng hoạt động',
  imported: 'Nhập Excel',
  role_granted: 'Cấp vai trò',
  role_revoked: 'Thu hồi vai trò',
  login_failed: 'Đăng nhập thất bại',
  import_updated: 'Cập nhật từ Excel',
  export: 'Xuất Excel',
  people_requested: 'Nhập Excel cán bộ',
  units_requested: 'Nhập Excel đơn vị',
  'plan.created': 'Tạo dự thảo kế hoạch',
  'plan.updated': 'Sửa dự thảo kế hoạch',
  'plan.issued': 'Ban hành kế hoạch',
  'plan.amended': 'Điều chỉnh kế hoạch',
  'plan.cancelled': 'Hủy kế hoạch',
  'plan.closed': 'Kết thúc kế hoạch',
  'plan.status_changed': 'Chuyển trạng thái kế hoạch',
  'plan.section_reviewed': 'Xem lại phần mang sang từ kế hoạch cấp trên',
  'plan.doubts_confirmed': 'Giữ nguyên giá trị nhập từ văn bản',
  'registration.submitted': 'Đăng ký thi đua',
  'registration.accepted_late': 'Nhận đăng ký thi đua muộn',
  'registration.updated': 'Sửa nội dung đăng ký thi đua',
  'registration.resubmitted': 'Nộp lại đăng ký thi đua',
  'registration.withdrawn': 'Rút đăng ký thi đua',
  'registration.approved': 'Duyệt đăng ký thi đua',
  'registration.returned': 'Trả lại đăng ký thi đua',
  'plan.evaluation_set': 'Chọn bộ tiêu chí, mức xếp loại',
  'document_number.cancelled': 'Hủy số trong sổ văn bản đi',
  'award_form.created': 'Thêm danh hiệu, hình thức khen thưởng',
  'award_form.version_added': 'Thêm phiên bản danh hiệu, hình thức khen thưởng',
  'base_salary.added': 'Thêm mức lương cơ sở',
  'award_rounding.set': 'Đặt quy tắc làm tròn tiền thưởng',
  'honour.recorded': 'Ghi khen thưởng đã nhận',
  'honour.imported': 'Nhập khen thưởng đã nhận từ Excel',
  'honour.removed': 'Xóa khen thưởng đã nhận',
  'import.honours': 'Nhập khen thưởng đã nhận từ Excel (tệp)',
  'discipline_record.created': 'Ghi kỷ luật, điều tra, khiếu nại',
  'discipline_record.updated': 'Sửa kỷ luật, điều tra, khiếu nại',
  'discipline_record.removed': 'Xóa hồ sơ kỷ luật, điều tra, khiếu nại ghi nhầm',
  'certificate_template.created': 'Thêm mẫu in giấy khen',
  'certificate_template.updated': 'Sửa mẫu in giấy khen',
  'certificate_template.deleted': 'Xóa mẫu in giấy khen',
  'criteria.created': 'Tạo bộ tiêu chí',
  'criteria.updated': 'Sửa bản nháp bộ tiêu chí',
  'criteria.published': 'Ban hành bộ tiêu chí',
  'criteria.version_created': 'Tạo phiên bản mới của bộ tiêu chí',
  'criteria.example_installed': 'Cài bộ tiêu chí mẫu (minh họa)',
  'score_sheet.opened': 'Mở phiếu tự chấm điểm',
  'score_sheet.criteria_followed': 'Phiếu chưa chấm theo bộ tiêu chí mới của kế hoạch',
  'score_sheet.self_scored': 'Tự chấm một tiêu chí',
  'score_sheet.self_imported': 'Nhập số liệu tự chấm từ Excel',
  'score_sheet.evidence_added': 'Thêm tài liệu kiểm chứng',
  'score_sheet.evidence_removed': 'Xóa tài liệu kiểm chứng',
  'score_sheet.submitted': 'Nộp bản tự chấm điểm',
  'score_sheet.returned': 'Trả lại phiếu tự chấm điểm',
  'score_sheet.appraisal_scored': 'Chấm thẩm định một tiêu chí',
  'score_sheet.appraisal_self_accepted': 'Chấp nhận điểm tự chấm cho các mục chưa thẩm định',
  'score_sheet.explanation_requested': 'Đề nghị đơn vị giải trình',
  'score_sheet.explanation_answered': 'Giải trình một tiêu chí',
  'score_sheet.explanation_submitted': 'Gửi giải trình',
  'score_sheet.appraised': 'Kết thúc thẩm định',
  'score_sheet.survey_imported': 'Nhập điểm khảo sát',
  'individual_check.confirmed': 'Xác nhận tiêu chí cá nhân',
  'individual_check.evidence_attached': 'Đính kèm minh chứng tiêu chí cá nhân',
  'results.computed': 'Tính kết quả đánh giá',
  'results.published': 'Công bố kết quả đánh giá',
  'results.reopened': 'Mở lại kết quả đánh giá',
};

/** "person.update" and "update" both read "Cập nhật". */
export function auditActionLabel(action: string): string {
  return (
    auditActionLabels[action] ?? auditActionLabels[action.split('.').pop() ?? action] ?? action
  );
}

export function entityTypeLabel(type: string): string {
  return entityTypeLabels[type] ?? type;
}

export const fieldLabels: Record<string, string> = {
  name: 'Tên',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  category: 'Đối tượng',
  position: 'Chức vụ',
  unitId: 'Đơn vị',
  unitName: 'Đơn vị',
  parentId: 'Đơn vị cấp trên',
  kind: 'Loại đơn vị',
  adminCode: 'Mã hành chính',
  active: 'Đang hoạt động',
  email: 'Email',
  phone: 'Số điện thoại',
  username: 'Tên đăng nhập',
  displayName: 'Tên hiển thị',
  role: 'Vai trò',
  effectiveDate: 'Ngày hiệu lực',
  version: 'Phiên bản',
  rows: 'Số dòng',
  created: 'Số bản ghi tạo mới',
  updated: 'Số bản ghi cập nhật',
  fileName: 'Tên tệp',
  type: 'Loại dữ liệu',
  personId: 'Cán bộ liên kết',
  status: 'Trạng thái',
  title: 'Trích yếu',
  place: 'Địa danh',
  docType: 'Loại văn bản',
  issuerSymbol: 'Ký hiệu cơ quan ban hành',
  documentNumber: 'Số văn bản',
  issuedOn: 'Ngày ban hành',
  periodStart: 'Thời gian bắt đầu',
  periodEnd: 'Thời gian kết thúc',
  registrationDeadline: 'Hạn đăng ký thi đua',
  cascadeDeadline: 'Hạn ban hành kế hoạch cấp dưới',
  cascadeUnitIds: 'Đơn vị phải ban hành kế hoạch',
  content: 'Nội dung kế hoạch',
  reason: 'Lý do',
  mode: 'Hình thức thi đua',
  planId: 'Kế hoạch thi đua',
  commitments: 'Nội dung đăng ký',
  late: 'Đăng ký muộn',
  lateReason: 'Lý do nhận đăng ký muộn',
  returnReason: 'Lý do trả lại',
  criteriaVersionId: 'Bộ tiêu chí áp dụng',
  bands: 'Mức xếp loại',
  tieBreak: 'Thứ tự xét khi bằng điểm',
  qualifyingBands: 'Mức xếp loại được xét khen thưởng',
  qualifyingBandKeys: 'Mức xếp loại được xét khen thưởng',
  stage: 'Vòng chấm',
  round: 'Lần thẩm định',
  nodeIds: 'Các tiêu chí',
  leaves: 'Các tiêu chí',
  carriedOver: 'Giữ điểm lần 1',
  explanationRound: 'Bổ sung khi giải trình',
  tree: 'Cây tiêu chí',
  leafCount: 'Số tiêu chí cuối',
  basedOnVersionId: 'Phiên bản làm gốc',
  registrationId: 'Đăng ký thi đua',
  nodeId: 'Tiêu chí',
  input: 'Số liệu tự chấm',
  points: 'Điểm',
  note: 'Giải trình',
  evidenceId: 'Tệp kiểm chứng',
  selfTotal: 'Tổng điểm tự chấm',
  selfPercent: 'Tỷ lệ điểm tự chấm (%)',
  resultsStatus: 'Trạng thái kết quả',
  units: 'Số đơn vị',
  counts: 'Số đơn vị theo mức xếp loại',
};

/** A campaign's results status (results.service.ts). */
const resultsStatusLabels: Record<string, string> = {
  none: 'Chưa tính',
  computed: 'Đã tính',
  published: 'Đã công bố',
};

/**
 * Plan statuses and kinds (as in shared/campaign.ts, repeated here so audit views do not load the
 * plan schema).
 */
const planValueLabels: Record<string, string> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
  in_progress: 'Đang triển khai',
  in_review: 'Đang sơ kết, tổng kết',
  closed: 'Đã kết thúc',
  cancelled: 'Đã hủy',
  campaign: 'Phong trào thi đua',
  contest: 'Cuộc thi',
};

/** Registration statuses and kinds (as in shared/registration.ts). */
const registrationValueLabels: Record<string, string> = {
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt',
  returned: 'Trả lại',
  withdrawn: 'Đã rút',
  collective: 'Tập thể',
  individual: 'Cá nhân',
};

/** Renders one audited value for people, translating enum codes where the key is known. */
export function formatAuditValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'string') {
    if (key === 'kind' && value in unitKindLabels)
      return unitKindLabels[value as keyof typeof unitKindLabels];
    if (key === 'category' && value in personCategoryLabels)
      return personCategoryLabels[value as keyof typeof personCategoryLabels];
    if (key === 'gender' && value in genderLabels)
      return genderLabels[value as keyof typeof genderLabels];
    if (key === 'resultsStatus') return resultsStatusLabels[value] ?? value;
    if (key === 'role' && value in roleLabels) return roleLabels[value as keyof typeof roleLabels];
    if ((key === 'status' || key === 'kind') && value in planValueLabels)
      return planValueLabels[value] ?? value;
    if ((key === 'status' || key === 'kind') && value in registrationValueLabels)
      return registrationValueLabels[value] ?? value;
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (key === 'commitments' && typeof value === 'object') return formatCommitments(value);
  return JSON.stringify(value);
}

/** A registration's commitments as text ("Danh hiệu phấn đấu: … · Chỉ tiêu: a; b"). */
function formatCommitments(value: object): string {
  const c = value as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join('; ') : '');
  const parts: [string, string][] = [
    ['Danh hiệu phấn đấu', typeof c.targetTitle === 'string' ? c.targetTitle : ''],
    ['Chỉ tiêu', list(c.targets)],
    ['Nhiệm vụ trọng tâm', list(c.keyTasks)],
    ['Nhiệm vụ đột phá', list(c.breakthroughTasks)],
  ];
  const text = parts.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`);
  return text.length > 0 ? text.join(' · ') : '—';
}
