import type { ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { planStatusLabels } from '../../../shared/campaign';
import { formatDate } from '../../ui/format';
import type { IssueOutlook } from './plans.api';

/** The search parameter that asks the editor to open a field's section and focus it. */
export const FOCUS_PARAM = 'field';

/**
 * Takes the officer to a field of the editor: the content tab, the field's section opened and
 * the field focused (the editor reads and clears the parameter).
 */
export function useFocusField() {
  const [, setParams] = useSearchParams();
  return (field: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('tab');
        next.set(FOCUS_PARAM, field);
        return next;
      },
      { replace: true },
    );
}

/** "Ban hành hôm nay: «Đang triển khai», nhận đăng ký thi đua đến 31/12/2026 (còn 24 ngày)." */
export function outlookSentence(o: IssueOutlook, deadline: string | null): string {
  const status = `kế hoạch ở trạng thái "${planStatusLabels[o.status]}"`;
  if (!o.registrationOpen) return `Ban hành hôm nay: ${status} và không nhận đăng ký thi đua.`;
  if (deadline === null || o.registrationDaysLeft === null)
    return `Ban hành hôm nay: ${status}, nhận đăng ký thi đua (kế hoạch không đặt hạn đăng ký).`;
  const left =
    o.registrationDaysLeft === 0 ? 'hôm nay là hạn cuối' : `còn ${o.registrationDaysLeft} ngày`;
  return `Ban hành hôm nay: ${status}, nhận đăng ký thi đua đến ${formatDate(deadline)} (${left}).`;
}

/**
 * The warning shown before issuing a draft whose dates are past (the issue dialog and the draft
 * page): which dates, and what issuing today would do. `children` offer the fix.
 */
export function PastDatesAlert({
  outlook,
  className,
  children,
}: {
  outlook: IssueOutlook;
  /** Where it shows: "plan-past-dates-dialog" or "plan-past-dates-draft". */
  className: string;
  children?: ReactNode;
}) {
  if (outlook.pastDates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<CalendarOutlined />}
      className={`plan-past-dates ${className}`}
      title="Ngày của kế hoạch đã qua"
      description={
        <>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {outlook.pastDates.map((d) => (
              <li key={d.field}>
                {d.label} {d.message}.
              </li>
            ))}
          </ul>
          {children}
        </>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/** The button that takes the officer to the first past date in the editor. */
export function FixDatesButton({
  outlook,
  onClick,
}: {
  outlook: IssueOutlook;
  onClick?: () => void;
}) {
  const focus = useFocusField();
  const first = outlook.pastDates[0];
  if (!first) return null;
  return (
    <Button
      size="small"
      icon={<CalendarOutlined />}
      onClick={() => {
        onClick?.();
        focus(first.field);
      }}
    >
      Sửa ngày trong dự thảo
    </Button>
  );
}
