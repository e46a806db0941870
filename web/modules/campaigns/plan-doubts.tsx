import { useEffect } from 'react';
import { Alert, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { DoubtfulValue } from '../../../shared/doubtful-text';
import { ErrorAlert } from '../../ui/error-alert';
import { DoubtList } from './doubt-list';
import { toNamePath } from './plan-form';
import type { PlanFormValues } from './plan-form';
import { useConfirmDoubts } from './plans.api';
import type { PlanDetail } from './plans.api';

/**
 * The imported values of a draft still to review (decision 017): each with its reason, a link to
 * its field (where the reason also shows as a warning) and "Giữ nguyên" to confirm it as it reads.
 */
export function PlanDoubts({
  plan,
  form,
}: {
  plan: PlanDetail;
  form: FormInstance<PlanFormValues>;
}) {
  const confirm = useConfirmDoubts(plan);
  const doubts = plan.status === 'draft' ? (plan.doubts ?? []) : [];
  const canConfirm = plan.permissions.canEdit || plan.permissions.canIssue;

  // Warnings under the editor's fields; after the page has loaded the plan into the form.
  useEffect(() => {
    const id = window.setTimeout(() => {
      (form as FormInstance).setFields(
        doubts.map((d) => ({ name: toNamePath(d.field), warnings: [d.reason] })),
      );
    }, 0);
    return () => window.clearTimeout(id);
  }, [form, doubts]);

  if (doubts.length === 0) return null;
  const goTo = (d: DoubtfulValue) =>
    form.scrollToField(toNamePath(d.field), { block: 'center', focus: true });

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="plan-doubts"
      title={`Còn ${doubts.length} giá trị nhập từ văn bản cần xem lại trước khi ban hành`}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            Văn bản gốc không dấu hoặc được nhận dạng ký tự (OCR) nên có thể sai. Sửa giá trị trong
            tab Nội dung, hoặc bấm “Giữ nguyên” nếu giá trị đã đúng. Chưa xem lại hết thì chưa ban
            hành, vào sổ hay tải văn bản được.
          </Typography.Paragraph>
          <DoubtList
            doubts={doubts}
            goLabel="Tới trường"
            onGo={goTo}
            onKeep={canConfirm ? (keys) => confirm.mutate(keys) : undefined}
            keeping={confirm.isPending ? confirm.variables : undefined}
          />
          <ErrorAlert error={confirm.error} />
        </>
      }
    />
  );
}
