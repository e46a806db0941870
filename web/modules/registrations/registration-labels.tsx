import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import {
  registrationKindLabels,
  registrationStatusLabels,
  registrationStatuses,
} from '../../../shared/registration';
import type { RegistrationKind, RegistrationStatus } from '../../../shared/registration';

export const registrationStatusColors: Record<RegistrationStatus, string> = {
  submitted: 'gold',
  approved: 'green',
  returned: 'red',
  withdrawn: 'default',
};

export const statusOptions = registrationStatuses.map((s) => ({
  value: s,
  label: registrationStatusLabels[s],
}));

export const kindOptions = (['collective', 'individual'] as const).map((k) => ({
  value: k,
  label: registrationKindLabels[k],
}));

/** The usual titles aimed at (Luật Thi đua, khen thưởng 2022; Nghị định 152/2025). */
export const targetTitleSuggestions: Record<RegistrationKind, string[]> = {
  collective: [
    'Tập thể lao động xuất sắc',
    'Tập thể lao động tiên tiến',
    'Hoàn thành xuất sắc nhiệm vụ',
    'Hoàn thành tốt nhiệm vụ',
    'Cờ thi đua của Ủy ban nhân dân tỉnh',
  ],
  individual: [
    'Chiến sĩ thi đua cơ sở',
    'Lao động tiên tiến',
    'Hoàn thành xuất sắc nhiệm vụ',
    'Hoàn thành tốt nhiệm vụ',
  ],
};

export function RegistrationStatusTag({
  status,
  reason,
}: {
  status: RegistrationStatus;
  /** The return reason, shown on hover of a "Trả lại" tag. */
  reason?: string | null;
}) {
  const tag = (
    <Tag color={registrationStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {registrationStatusLabels[status]}
    </Tag>
  );
  return reason ? <Tooltip title={`Lý do trả lại: ${reason}`}>{tag}</Tooltip> : tag;
}

/** "Muộn": accepted after the deadline, with the reason on hover (and for screen readers). */
export function LateTag({ reason }: { reason: string | null }) {
  const title = reason ? `Nhận đăng ký muộn — lý do: ${reason}` : 'Nhận đăng ký muộn';
  return (
    <Tooltip title={title}>
      <Tag
        color="volcano"
        icon={<ClockCircleOutlined />}
        aria-label={title}
        tabIndex={0}
        style={{ marginInlineEnd: 0 }}
      >
        Muộn
      </Tag>
    </Tooltip>
  );
}
