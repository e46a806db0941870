import { useEffect, useMemo } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { applyFormErrors } from '../../ui/form-errors';
import { useModalForm } from '../../ui/hooks';
import { useOfficerUnits } from '../campaigns/plan-access';
import { useCreateCriteriaSet, useCriteriaVersions } from './criteria.api';
import type { CreateCriteriaInput, CriteriaVersionSummary } from './criteria.api';
import { starterTree } from './criteria-tree';

type Start = 'example' | 'copy' | 'empty';
type Values = {
  ownerUnitId?: string;
  name: string;
  description?: string;
  start: Start;
  basedOnVersionId?: number;
  maxTotal?: number | null;
};
const FIELDS = ['ownerUnitId', 'name', 'description', 'basedOnVersionId', 'tree'] as const;

/** "Mẫu minh họa" or the owning unit, then the version number. */
export function versionLabel(v: CriteriaVersionSummary): string {
  const owner = v.set.isExample ? 'Mẫu minh họa' : (v.set.ownerUnit?.name ?? '');
  return `${v.set.name} — ${owner}, phiên bản ${v.number}`;
}

/** Published versions readable by the user (one page of up to 200, the newest first). */
export function usePublishedVersions(enabled = true) {
  const list = useCriteriaVersions({ page: 1, pageSize: 200 }, enabled);
  const items = useMemo(
    () => (list.data?.items ?? []).filter((v) => v.status === 'published'),
    [list.data],
  );
  return { ...list, items };
}

type Props = {
  open: boolean;
  onClose: () => void;
  /** Start as a copy of this version (the example or another published one). */
  basedOn?: CriteriaVersionSummary;
};

/**
 * "Tạo bộ tiêu chí": a set owned by a unit where the user is the emulation officer, starting from
 * the example template, a copy of a published version, or a one-field starter tree.
 */
export function CreateCriteriaModal({ open, onClose, basedOn }: Props) {
  const { form, error, setError } = useModalForm<Values>(open);
  const units = useOfficerUnits();
  const published = usePublishedVersions(open);
  const create = useCreateCriteriaSet();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const start = Form.useWatch('start', form);
  const example = published.items.find((v) => v.set.isExample);
  const copyOptions = published.items
    .filter((v) => !v.set.isExample)
    .map((v) => ({ value: v.id, label: versionLabel(v) }));
  const basedOnExample = basedOn?.set.isExample ?? false;

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      ownerUnitId: units.length === 1 ? units[0]?.value : undefined,
      start: basedOn ? (basedOnExample ? 'example' : 'copy') : 'example',
      basedOnVersionId: basedOn && !basedOnExample ? basedOn.id : undefined,
      maxTotal: 100,
    });
  }, [open, form, units, basedOn, basedOnExample]);

  const onFinish = (v: Values) => {
    setError(null);
    const body: CreateCriteriaInput = {
      ownerUnitId: v.ownerUnitId ?? '',
      name: v.name.trim(),
      description: v.description?.trim() || undefined,
    };
    if (v.start === 'example') {
      const id = basedOnExample ? basedOn?.id : example?.id;
      if (id === undefined) {
        setError('Chưa tải được bộ tiêu chí mẫu. Vui lòng thử lại.');
        return;
      }
      body.basedOnVersionId = id;
    } else if (v.start === 'copy') body.basedOnVersionId = v.basedOnVersionId;
    else body.tree = starterTree(v.maxTotal ?? 100);
    create.mutate(body, {
      onSuccess: (created) => {
        void message.success('Đã tạo bản nháp bộ tiêu chí.');
        onClose();
        void navigate(`/criteria/${created.id}`);
      },
      onError: (e) => setError(applyFormErrors(form, e, FIELDS)),
    });
  };

  return (
    <Modal
      open={open}
      title="Tạo bộ tiêu chí"
      okText="Tạo bản nháp"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={640}
    >
      {units.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Chỉ cán bộ thi đua của đơn vị mới soạn được bộ tiêu chí cho đơn vị đó."
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="ownerUnitId"
          label="Đơn vị ban hành bộ tiêu chí"
          rules={[{ required: true, message: 'Chọn đơn vị' }]}
        >
          <Select options={units} placeholder="Chọn đơn vị" />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên bộ tiêu chí"
          extra="Ví dụ: Bộ chỉ số CCHC cấp xã năm 2025 (theo Quyết định số …/QĐ-UBND)"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên bộ tiêu chí' },
            { max: 300, message: 'Tối đa 300 ký tự' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="description" label="Mô tả" rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="start" label="Bắt đầu từ">
          <Radio.Group
            options={[
              {
                value: 'example',
                label: 'Bộ tiêu chí mẫu (minh họa) 100 điểm cấp xã',
                disabled: basedOn !== undefined && !basedOnExample,
              },
              { value: 'copy', label: 'Sao chép một bộ tiêu chí đã ban hành' },
              { value: 'empty', label: 'Bộ trống (một lĩnh vực, tự thêm tiêu chí)' },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
        {start === 'example' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="Bộ mẫu chỉ để minh họa: sửa điểm, mức tỷ lệ theo quyết định của tỉnh trước khi ban hành."
          />
        )}
        {start === 'copy' && (
          <Form.Item
            name="basedOnVersionId"
            label="Phiên bản làm gốc"
            rules={[{ required: true, message: 'Chọn bộ tiêu chí để sao chép' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={copyOptions}
              loading={published.isFetching}
              placeholder="Chọn bộ tiêu chí đã ban hành"
              notFoundContent="Chưa có bộ tiêu chí nào đã ban hành"
            />
          </Form.Item>
        )}
        {start === 'empty' && (
          <Form.Item
            name="maxTotal"
            label="Tổng điểm của bộ tiêu chí"
            rules={[{ required: true, message: 'Nhập tổng điểm' }]}
          >
            <InputNumber min={1} max={10000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
