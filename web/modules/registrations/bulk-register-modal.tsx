import { useEffect, useState } from 'react';
import { Alert, App, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import type { Page, Person } from '../../api/types';
import { registrationStatusLabels } from '../../../shared/registration';
import type { RegistrationStatus } from '../../../shared/registration';
import { useDebouncedValue, useMediaQuery, useModalForm } from '../../ui/hooks';
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
import { registrationStatusColors } from './registration-labels';
import { foldText } from './registration-text';
import { useRegisterStaff, useRegistrationProgress, useRegistrations } from './registrations.api';

type Values = { commitments?: CommitmentsValues; lateReason?: string };

const PAGE_SIZE = 50;
const knownFields = ['lateReason', ...commitmentFieldNames];

/** Units the user may register staff of: their own units and the plan's eligible units they see. */
function useUnitOptions(plan: PlanDetail, access: RegistrationAccess, open: boolean) {
  const eligible = useRegistrationProgress(plan.id, { page: 1, pageSize: 200 }, open);
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const u of access.submitUnits) {
    seen.add(u.value);
    out.push(u);
  }
  for (const u of eligible.data?.items ?? []) {
    const value = String(u.unitId);
    if (seen.has(value) || !u.canRegister) continue;
    seen.add(value);
    out.push({ value, label: u.parentName ? `${u.unitName} (${u.parentName})` : u.unitName });
  }
  return out;
}

/** "Đăng ký cán bộ của đơn vị": many staff of one unit at once, with the same commitments. */
export function BulkRegisterModal({
  open,
  plan,
  access,
  onClose,
}: {
  open: boolean;
  plan: PlanDetail;
  access: RegistrationAccess;
  onClose: () => void;
}) {
  const bulk = useRegisterStaff(plan.id);
  const { message } = App.useApp();
  const { form, error, setError } = useModalForm<Values>(open);
  const units = useUnitOptions(plan, access, open);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [late, setLate] = useState(false);
  const [personErrors, setPersonErrors] = useState<FieldError[]>([]);
  const [errorById, setErrorById] = useState<Map<string, string>>(new Map());
  const term = useDebouncedValue(search.trim(), 300);
  const narrow = useMediaQuery('(max-width: 575.98px)');

  useEffect(() => {
    if (!open) return;
    setUnitId(undefined);
    setSearch('');
    setPage(1);
    setSelected([]);
    setPersonErrors([]);
    setErrorById(new Map());
    setLate(access.pastDeadline && access.reviewer);
  }, [open, access.pastDeadline, access.reviewer]);
  // One unit to pick from, or the one unit the user holds the role at: start there.
  const own = access.submitUnits.length === 1 ? access.submitUnits[0]?.value : undefined;
  const firstUnit = units.length === 1 ? units[0]?.value : own;
  const unit = unitId ?? firstUnit;

  const people = useQuery({
    queryKey: [
      'people',
      'list',
      { unitId: unit, search: term, active: true, page, pageSize: PAGE_SIZE },
    ],
    queryFn: () =>
      api.get<Page<Person>>('/api/people', {
        unitId: unit,
        search: term || undefined,
        active: true,
        page,
        pageSize: PAGE_SIZE,
      }),
    enabled: open && unit !== undefined,
    placeholderData: keepPreviousData,
  });
  const registered = useRegistrations(
    plan.id,
    { kind: 'individual', unitId: unit, page: 1, pageSize: 200 },
    open && unit !== undefined,
  );
  const taken = new Map<string, RegistrationStatus>();
  for (const r of registered.data?.items ?? [])
    if (r.person && r.status !== 'withdrawn') taken.set(String(r.person.id), r.status);
  const categories = plan.content.participants.individualCategories;
  const blocked = (p: Person) => taken.has(String(p.id)) || !categories.includes(p.category);

  const onFinish = (v: Values) => {
    if (!unit) return;
    if (selected.length === 0) {
      setError('Chọn ít nhất một cán bộ để đăng ký.');
      return;
    }
    setError(null);
    setPersonErrors([]);
    setErrorById(new Map());
    const personIds = [...selected];
    bulk.mutate(
      {
        unitId: unit,
        personIds,
        commitments: toCommitments(v.commitments),
        lateReason: late ? (v.lateReason?.trim() ?? null) : undefined,
      },
      {
        onSuccess: (res) => {
          void message.success(`Đã đăng ký thi đua cho ${res.count} cán bộ.`);
          onClose();
        },
        onError: (e) => {
          if (isApiError(e, 'DEADLINE_PASSED') && e.details.canAcceptLate === true && !late) {
            setLate(true);
            setError(e.message);
            return;
          }
          const perPerson = isApiError(e)
            ? e.fields.filter((f) => /^personIds\.\d+$/.test(f.field))
            : [];
          if (perPerson.length > 0) {
            setPersonErrors(perPerson);
            const failed = new Map(
              perPerson.map((f) => [personIds[Number(f.field.split('.')[1])] ?? '', f.message]),
            );
            setErrorById(failed);
            // Nothing was written: drop the people who failed, so the rest can be sent again.
            setSelected((keys) => keys.filter((k) => !failed.has(k)));
            void registered.refetch();
            setError(
              'Chưa đăng ký được ai. Những cán bộ dưới đây đã được bỏ chọn — bấm Đăng ký để gửi lại cho những người còn lại:',
            );
            return;
          }
          setError(applyServerErrors(form, e, knownFields));
        },
      },
    );
  };

  const stateCell = (p: Person) => {
    const status = taken.get(String(p.id));
    if (status)
      return <Tag color={registrationStatusColors[status]}>{registrationStatusLabels[status]}</Tag>;
    if (!categories.includes(p.category))
      return (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.categoryLabel} — không thuộc đối tượng
        </Typography.Text>
      );
    return p.categoryLabel;
  };
  const nameCell = (p: Person) => (
    <>
      <div>{p.fullName}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[p.position, p.unitName].filter(Boolean).join(' · ')}
      </Typography.Text>
      {narrow && <div>{stateCell(p)}</div>}
      {errorById.has(String(p.id)) && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
          {errorById.get(String(p.id))}
        </Typography.Text>
      )}
    </>
  );
  const columns: TableColumnsType<Person> = [
    { title: 'Họ và tên', key: 'name', render: (_: unknown, p) => nameCell(p) },
    ...(narrow
      ? []
      : [
          {
            title: 'Đối tượng',
            key: 'state',
            width: 170,
            render: (_: unknown, p: Person) => stateCell(p),
          },
        ]),
  ];
  return (
    <Modal
      open={open}
      title="Đăng ký thi đua cho cán bộ của đơn vị"
      okText={selected.length > 0 ? `Đăng ký ${selected.length} cán bộ` : 'Đăng ký'}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={bulk.isPending}
      forceRender
      width={820}
    >
      <ModalError
        error={error}
        details={
          personErrors.length > 0 ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {personErrors.map((f) => (
                <li key={f.field}>
                  {f.label ?? f.field}: {f.message}
                </li>
              ))}
            </ul>
          ) : undefined
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label="Đơn vị"
          style={{ flex: '1 1 260px', minWidth: 0 }}
          placeholder="Chọn đơn vị"
          options={units}
          value={unit}
          onChange={(v: string) => {
            setUnitId(v);
            setPage(1);
            setSelected([]);
          }}
          showSearch={{
            filterOption: (input, o) => foldText(String(o?.label ?? '')).includes(foldText(input)),
          }}
        />
        <Input.Search
          aria-label="Tìm cán bộ"
          placeholder="Tìm theo tên (không dấu được)"
          allowClear
          style={{ flex: '1 1 200px', minWidth: 0 }}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
      </Flex>
      {units.length === 0 ? (
        <Alert type="info" showIcon title="Bạn không quản lý đơn vị nào để đăng ký cán bộ." />
      ) : (
        <Table<Person>
          size="small"
          rowKey={(p) => String(p.id)}
          loading={people.isFetching}
          dataSource={unit ? (people.data?.items ?? []) : []}
          columns={columns}
          scroll={{ y: 300 }}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (p) => ({ disabled: blocked(p), 'aria-label': p.fullName }),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: people.data?.total ?? 0,
            showSizeChanger: false,
            size: 'small',
            onChange: setPage,
            showTotal: (total) => `${total.toLocaleString('vi-VN')} cán bộ`,
          }}
          locale={{ emptyText: unit ? 'Không có cán bộ phù hợp' : 'Chọn đơn vị để xem cán bộ' }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        Đã chọn {selected.length} cán bộ. Nội dung đăng ký dưới đây áp dụng cho tất cả.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} name="registration-bulk">
        <CommitmentsFields form={form} kind="individual" />
        {late && <LateReasonField />}
      </Form>
    </Modal>
  );
}
