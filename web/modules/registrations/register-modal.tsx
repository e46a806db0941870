import { useEffect, useState } from 'react';
import { App, Form, Modal, Select, Typography } from 'antd';
import { isApiError } from '../../api/client';
import { useModalForm } from '../../ui/hooks';
import { formatDate } from '../../ui/format';
import type { PlanDetail } from '../campaigns/plans.api';
import {
  applyServerErrors,
  commitmentFieldNames,
  CommitmentsFields,
  ModalError,
  LateReasonField,
  toCommitments,
} from './commitments-form';
import type { CommitmentsValues } from './commitments-form';
import type { RegistrationAccess } from './registration-access';
import { useRegister, useRegistrationProgress } from './registrations.api';
import { foldText } from './registration-text';

type Values = { unitId?: string; commitments?: CommitmentsValues; lateReason?: string };

export type RegisterTarget =
  { kind: 'collective'; unitId?: string } | { kind: 'self'; personId: string; name: string };

const knownFields = ['unitId', 'personId', 'lateReason', ...commitmentFieldNames];

/** Registers a unit (collective) or the user themself (individual) with their commitments. */
export function RegisterModal({
  open,
  target,
  plan,
  access,
  onClose,
}: {
  open: boolean;
  target: RegisterTarget;
  plan: PlanDetail;
  access: RegistrationAccess;
  onClose: () => void;
}) {
  const register = useRegister(plan.id);
  const { message } = App.useApp();
  const { form, error, setError } = useModalForm<Values>(open);
  const [late, setLate] = useState(false);
  const collective = target.kind === 'collective';
  const units = useRegistrationProgress(plan.id, { page: 1, pageSize: 200 }, open && collective);
  const presetUnit = target.kind === 'collective' ? target.unitId : undefined;

  useEffect(() => {
    if (!open) return;
    setLate(access.pastDeadline && access.reviewer);
    if (presetUnit) form.setFieldsValue({ unitId: presetUnit });
  }, [open, presetUnit, access.pastDeadline, access.reviewer, form]);

  const options = (units.data?.items ?? []).map((u) => ({
    value: String(u.unitId),
    label: `${u.unitName}${u.parentName ? ` (${u.parentName})` : ''}${u.status ? ' — đã đăng ký' : ''}`,
    disabled: u.status !== null,
  }));

  // One unit left to register, or the unit the user holds the role at if still free: pick it.
  const free = options.filter((o) => !o.disabled).map((o) => o.value);
  const own = access.submitUnits.length === 1 ? access.submitUnits[0]?.value : undefined;
  const pick = free.length === 1 ? free[0] : own !== undefined && free.includes(own) ? own : null;
  useEffect(() => {
    if (!open || presetUnit || !pick) return;
    if (!form.getFieldValue('unitId')) form.setFieldsValue({ unitId: pick });
  }, [open, presetUnit, pick, form]);

  const onFinish = (v: Values) => {
    setError(null);
    register.mutate(
      {
        kind: collective ? 'collective' : 'individual',
        unitId: collective ? v.unitId : undefined,
        personId: target.kind === 'self' ? target.personId : undefined,
        commitments: toCommitments(v.commitments),
        lateReason: late ? (v.lateReason?.trim() ?? null) : undefined,
      },
      {
        onSuccess: (r) => {
          void message.success(
            r.late
              ? 'Đã nhận đăng ký muộn.'
              : `Đã gửi đăng ký thi đua${r.person ? ` của ${r.person.fullName}` : ` của ${r.unit.name}`}.`,
          );
          onClose();
        },
        onError: (e) => {
          if (isApiError(e, 'DEADLINE_PASSED') && e.details.canAcceptLate === true && !late) {
            setLate(true);
            setError(`${e.message}`);
            return;
          }
          setError(applyServerErrors(form, e, knownFields));
        },
      },
    );
  };

  const title = collective ? 'Đăng ký thi đua cho đơn vị' : 'Tự đăng ký thi đua';
  return (
    <Modal
      open={open}
      title={title}
      okText={late ? 'Nhận đăng ký muộn' : 'Gửi đăng ký'}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={register.isPending}
      forceRender
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {plan.documentNumber ? `Kế hoạch số ${plan.documentNumber}: ` : ''}
        {plan.title}
        {plan.registrationDeadline
          ? ` — hạn đăng ký ${formatDate(plan.registrationDeadline)}.`
          : '.'}
      </Typography.Paragraph>
      {target.kind === 'self' && (
        <Typography.Paragraph>
          Người đăng ký: <strong>{target.name}</strong>
        </Typography.Paragraph>
      )}
      <ModalError error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish} name="registration-create">
        {collective && (
          <Form.Item
            label="Đơn vị đăng ký"
            name="unitId"
            rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}
            extra={
              units.data && options.length === 0
                ? 'Không có đơn vị nào bạn quản lý thuộc đối tượng thi đua của kế hoạch.'
                : undefined
            }
          >
            <Select
              showSearch={{
                filterOption: (input, o) =>
                  foldText(String(o?.label ?? '')).includes(foldText(input)),
              }}
              loading={units.isFetching}
              options={options}
              placeholder="Chọn đơn vị"
            />
          </Form.Item>
        )}
        <CommitmentsFields form={form} kind={collective ? 'collective' : 'individual'} />
        {late && <LateReasonField />}
      </Form>
    </Modal>
  );
}
