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
    if (key === 'role' && value in roleLabels) return roleLabels[value as keyof typeof roleLabels];
    if ((key === 'status' || key === 'kind') && value in planValueLabels)
      return planValueLabels[value] ?? value;
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
