import { Alert, App, Button, Flex, Tag, Tooltip } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { CarriedSection } from '../../../shared/campaign';
import { formatDateTime } from '../../ui/format';
import { useReviewCarriedSection } from './plans.api';
import type { CarriedSectionReview, PlanDetail } from './plans.api';

/** Carried-over sections of a draft that nobody has marked reviewed yet. */
export const unreviewedSections = (plan: PlanDetail) =>
  plan.carriedSections.filter((c) => c.reviewedAt === null);

/**
 * Above the editor of a plan started from a higher plan: how many carried-over sections are
 * still to be reviewed, each a link that opens its section.
 */
export function CarriedBanner({
  plan,
  onPick,
}: {
  plan: PlanDetail;
  onPick: (section: CarriedSection) => void;
}) {
  if (plan.status !== 'draft' || plan.carriedSections.length === 0) return null;
  const left = unreviewedSections(plan);
  const parent = plan.parent?.documentNumber
    ? `kế hoạch số ${plan.parent.documentNumber} của ${plan.parent.issuingUnit.name}`
    : 'kế hoạch cấp trên';
  if (left.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        className="plan-carried-banner"
        title={`Đã xem lại cả ${plan.carriedSections.length} phần mang sang từ ${parent}.`}
        style={{ marginBottom: 16 }}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      className="plan-carried-banner"
      title={`Còn ${left.length} phần mang sang từ kế hoạch cấp trên chưa xem lại`}
      description={
        <>
          Dự thảo được soạn từ {parent}; cách gọi cấp hành chính, tên UBND, người ký khen thưởng và
          đối tượng thi đua đã được đổi theo đơn vị. Đọc lại từng phần, sửa nếu cần, rồi bấm
          &quot;Đã xem lại&quot; ở đầu phần đó.
          <Flex gap={4} wrap style={{ marginTop: 6 }}>
            {left.map((c) => (
              <Button key={c.section} size="small" type="link" onClick={() => onPick(c.section)}>
                {c.label}
              </Button>
            ))}
          </Flex>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** The header of a carried-over section: its review state and, for the officer, the button. */
export function CarriedSectionExtra({
  planId,
  review,
  editable,
}: {
  planId: number;
  review: CarriedSectionReview;
  editable: boolean;
}) {
  const mark = useReviewCarriedSection();
  const { message } = App.useApp();
  if (review.reviewedAt !== null)
    return (
      <Tooltip
        title={`${review.reviewedByName ?? 'Đã xem lại'} · ${formatDateTime(review.reviewedAt)}`}
      >
        <Tag color="green" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }}>
          Đã xem lại
        </Tag>
      </Tooltip>
    );
  return (
    <Flex gap={6} align="center" wrap onClick={(e) => e.stopPropagation()}>
      <Tag color="gold" style={{ marginInlineEnd: 0 }} className="plan-carried-tag">
        {review.adapted ? 'Từ cấp trên, đã đổi cách gọi' : 'Từ cấp trên'}
      </Tag>
      {editable && (
        <Button
          size="small"
          icon={<CheckOutlined />}
          loading={mark.isPending}
          aria-label={`Đã xem lại: ${review.label}`}
          onClick={() =>
            mark.mutate(
              { id: planId, section: review.section },
              { onError: (e) => void message.error(e.message) },
            )
          }
        >
          Đã xem lại
        </Button>
      )}
    </Flex>
  );
}
