import { useState } from 'react';
import { Alert, Button, Divider, Empty, Flex, Typography } from 'antd';
import { PlusOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PersonDetail } from '../../api/types';
import { sameId } from '../../api/types';
import type { PlanDetail } from '../campaigns/plans.api';
import { BulkRegisterModal } from './bulk-register-modal';
import { RegisterModal } from './register-modal';
import type { RegisterTarget } from './register-modal';
import { useRegistrationAccess } from './registration-access';
import type { RegistrationAccess } from './registration-access';
import { RegistrationStatusTag } from './registration-labels';
import { RegistrationList } from './registration-list';
import { DeadlineLine, RegistrationProgressPanel } from './registration-progress';
import { useRegistrations } from './registrations.api';
import type { Registration } from './registrations.api';

type Dialog = { kind: 'register'; target: RegisterTarget } | { kind: 'bulk' } | null;

type SelfState =
  | { state: 'none' }
  | { state: 'ineligible'; reason: string }
  | { state: 'registered'; registration: Registration }
  | { state: 'open'; name: string };

function findOwn(items: Registration[] | undefined, personId: string): Registration | undefined {
  return items?.find((r) => r.person && sameId(r.person.id, personId) && r.status !== 'withdrawn');
}

/**
 * Whether the signed-in person (an account linked to a person) may register themself: working,
 * inside the issuing unit's tree, of a category the plan names, and not registered yet. When the
 * person cannot be read, the button is offered and the server decides.
 */
function useSelf(plan: PlanDetail, access: RegistrationAccess): SelfState {
  const id = access.personId;
  const person = useQuery({
    queryKey: ['people', 'detail', id ?? undefined],
    queryFn: () => api.get<PersonDetail>(`/api/people/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    retry: false,
    staleTime: 60_000,
  });
  const p = person.data;
  const own = useRegistrations(
    plan.id,
    { kind: 'individual', unitId: p?.unitId, search: p?.fullName, page: 1, pageSize: 50 },
    p !== undefined,
  );
  if (id === null) return { state: 'none' };
  if (!p) return person.isError ? { state: 'open', name: 'Bản thân' } : { state: 'none' };
  if (!p.active) return { state: 'ineligible', reason: 'Hồ sơ cán bộ của bạn đã nghỉ công tác.' };
  const inside = p.unitPath.some((u) => sameId(u.id, plan.issuingUnit.id));
  const category = plan.content.participants.individualCategories.includes(p.category);
  if (!inside || !category)
    return { state: 'ineligible', reason: 'Bạn không thuộc đối tượng thi đua của kế hoạch này.' };
  const mine = findOwn(own.data?.items, id);
  if (mine) return { state: 'registered', registration: mine };
  return own.data ? { state: 'open', name: p.fullName } : { state: 'none' };
}

/** "Đăng ký thi đua" tab of an issued plan: deadline, progress by unit, registrations. */
export function PlanRegistrations({ plan }: { plan: PlanDetail }) {
  const access = useRegistrationAccess(plan);
  const self = useSelf(plan, access);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The last register target, kept through the closing animation.
  const [target, setTarget] = useState<RegisterTarget>({ kind: 'collective' });

  if (plan.status === 'draft')
    return <Empty description="Kế hoạch chưa ban hành: chưa nhận đăng ký thi đua." />;

  const open = access.accepting && (!access.pastDeadline || access.reviewer);
  const canSubmit = open && access.canSubmitSomewhere;
  const register = (t: RegisterTarget) => {
    setTarget(t);
    setDialog({ kind: 'register', target: t });
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <DeadlineLine deadline={plan.registrationDeadline} />
        <Flex gap={8} wrap>
          {canSubmit && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => register({ kind: 'collective' })}
              >
                Đăng ký cho đơn vị
              </Button>
              <Button icon={<TeamOutlined />} onClick={() => setDialog({ kind: 'bulk' })}>
                Đăng ký cán bộ của đơn vị
              </Button>
            </>
          )}
          {open && self.state === 'open' && access.personId !== null && (
            <Button
              icon={<UserAddOutlined />}
              onClick={() =>
                register({ kind: 'self', personId: access.personId ?? '', name: self.name })
              }
            >
              Tự đăng ký
            </Button>
          )}
        </Flex>
      </Flex>
      {self.state === 'registered' && (
        <Typography.Paragraph>
          Bạn đã đăng ký thi đua theo kế hoạch này:{' '}
          <RegistrationStatusTag
            status={self.registration.status}
            reason={self.registration.returnReason}
          />
        </Typography.Paragraph>
      )}
      {self.state === 'ineligible' && (
        <Typography.Paragraph type="secondary">{self.reason}</Typography.Paragraph>
      )}
      <Notices
        plan={plan}
        access={access}
        concerned={
          access.canSubmitSomewhere || self.state === 'open' || self.state === 'registered'
        }
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Tiến độ đăng ký theo đơn vị
      </Typography.Title>
      <RegistrationProgressPanel
        plan={plan}
        canSubmit={canSubmit}
        onRegister={(unitId) => register({ kind: 'collective', unitId: String(unitId) })}
      />
      <Divider />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Danh sách đăng ký
      </Typography.Title>
      <RegistrationList plan={plan} />
      <RegisterModal
        open={dialog?.kind === 'register'}
        target={dialog?.kind === 'register' ? dialog.target : target}
        plan={plan}
        access={access}
        onClose={() => setDialog(null)}
      />
      <BulkRegisterModal
        open={dialog?.kind === 'bulk'}
        plan={plan}
        access={access}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

/** Why registering is closed. `concerned`: the user could register were it open. */
function Notices({
  plan,
  access,
  concerned,
}: {
  plan: PlanDetail;
  access: RegistrationAccess;
  concerned: boolean;
}) {
  if (plan.status === 'cancelled')
    return <Alert type="error" showIcon title="Kế hoạch đã bị hủy: không nhận đăng ký thi đua." />;
  if (!access.accepting)
    return (
      <Alert
        type="info"
        showIcon
        title="Kế hoạch đã qua giai đoạn triển khai: không nhận đăng ký mới, không sửa hay rút đăng ký."
      />
    );
  if (!access.pastDeadline || !concerned) return null;
  if (access.reviewer)
    return (
      <Alert
        type="warning"
        showIcon
        title="Đã hết hạn đăng ký"
        description="Đăng ký thêm từ nay được ghi nhận là đăng ký muộn và cần ghi lý do nhận muộn."
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      title="Đã hết hạn đăng ký"
      description={`Chỉ cán bộ thi đua của ${plan.issuingUnit.name} được nhận đăng ký muộn. Đăng ký bị trả lại vẫn sửa và nộp lại được.`}
    />
  );
}
