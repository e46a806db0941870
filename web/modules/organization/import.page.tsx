import { useCallback, useState } from 'react';
import { Alert, Button, Card, Col, Form, Radio, Row, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { withQuery } from '../../api/client';
import type { Id, Job } from '../../api/types';
import { useCan } from '../../shell/current-user';
import { applyFormErrors } from '../../ui/form-errors';
import { JobProgress } from '../../ui/job-progress';
import { PageHeader } from '../../ui/page-header';
import { RowErrorsTable } from '../../ui/row-errors-table';
import { isApiError } from '../../api/client';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { useInvalidateAfterImport, useStartImport } from './import.api';
import type { ImportType } from './import.api';

type Values = { type: ImportType; unitId: string; file: UploadFile[] };
const typeLabels: Record<ImportType, string> = { people: 'Cán bộ', units: 'Đơn vị' };

function resultCounts(result: unknown): { created: number; updated: number } {
  const r =
    typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {};
  return {
    created: typeof r.created === 'number' ? r.created : 0,
    updated: typeof r.updated === 'number' ? r.updated : 0,
  };
}

export default function ImportPage() {
  const canImport = useCan('person.import');
  const canExport = useCan('person.export');
  return (
    <>
      <PageHeader
        title="Nhập/Xuất Excel"
        subtitle="Nhập danh sách từ file Excel theo mẫu; xuất dữ liệu ra Excel"
      />
      <Row gutter={[16, 16]}>
        {canImport && (
          <Col xs={24} xl={14}>
            <ImportCard />
          </Col>
        )}
        {canExport && (
          <Col xs={24} xl={10}>
            <ExportCard />
          </Col>
        )}
      </Row>
    </>
  );
}

function ImportCard() {
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? 'people';
  const unitId = Form.useWatch('unitId', form);
  const start = useStartImport();
  const invalidate = useInvalidateAfterImport();
  const [jobId, setJobId] = useState<Id | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);

  const onFinish = (v: Values) => {
    const file = v.file[0]?.originFileObj;
    if (!file) return;
    setError(null);
    setJob(null);
    setJobId(null);
    start.mutate(
      { type: v.type, unitId: v.unitId, file },
      {
        onSuccess: (res) => setJobId(res.jobId),
        onError: (e) => {
          const message = applyFormErrors(form, e, ['type', 'unitId', 'file']);
          setError(message ? e : null);
        },
      },
    );
  };

  const onDone = useCallback(
    (j: Job) => {
      setJob(j);
      if (j.status === 'succeeded') void invalidate();
    },
    [invalidate],
  );

  const counts = job?.status === 'succeeded' ? resultCounts(job.result) : null;
  const syncErrorRows = isApiError(error) ? error.rows : [];

  return (
    <Card title="Nhập dữ liệu từ Excel">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ type: 'people', file: [] }}
        name="import"
      >
        <Form.Item
          label="Loại dữ liệu"
          name="type"
          rules={[{ required: true, message: 'Vui lòng chọn loại dữ liệu' }]}
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'people', label: typeLabels.people },
              { value: 'units', label: typeLabels.units },
            ]}
          />
        </Form.Item>
        <Typography.Paragraph>
          <a href={withQuery('/api/imports/template', { type })} download>
            <DownloadOutlined aria-hidden /> Tải file mẫu ({typeLabels[type]})
          </a>
        </Typography.Paragraph>
        <Form.Item
          label="Đơn vị phạm vi"
          name="unitId"
          extra="Dữ liệu trong file phải thuộc đơn vị này hoặc các đơn vị trực thuộc."
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị phạm vi' }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item
          label="Tệp Excel (.xlsx)"
          name="file"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          rules={[
            { required: true, type: 'array', min: 1, message: 'Vui lòng chọn tệp Excel (.xlsx)' },
          ]}
        >
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            beforeUpload={() => false}
            maxCount={1}
          >
            <Button icon={<UploadOutlined />}>Chọn tệp</Button>
          </Upload>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={start.isPending}
          disabled={Boolean(jobId) && !job}
        >
          Nhập dữ liệu
        </Button>
      </Form>

      {error !== null && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error instanceof Error ? error.message : 'Không nhập được dữ liệu.'}
            description="Không có dữ liệu nào được ghi."
            style={{ marginBottom: 12 }}
          />
          {syncErrorRows.length > 0 && <RowErrorsTable rows={syncErrorRows} />}
        </div>
      )}

      {jobId !== null && (
        <div style={{ marginTop: 16 }}>
          <JobProgress
            key={String(jobId)}
            jobId={jobId}
            onDone={onDone}
            failureNote="Không có dữ liệu nào được ghi."
          />
        </div>
      )}

      {counts && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginTop: 16 }}
          title={`Nhập thành công: ${counts.created} bản ghi tạo mới, ${counts.updated} bản ghi cập nhật.`}
          description={
            type === 'units' ? (
              <Link to={unitId ? `/units/${unitId}` : '/units'}>Xem cơ cấu tổ chức</Link>
            ) : (
              <Link to={unitId ? `/people?unitId=${unitId}` : '/people'}>Xem danh sách cán bộ</Link>
            )
          }
        />
      )}
    </Card>
  );
}

function ExportCard() {
  const [unitId, setUnitId] = useState<string | undefined>();
  return (
    <Card title="Xuất dữ liệu ra Excel">
      <Form layout="vertical">
        <Form.Item
          label="Đơn vị cần xuất"
          htmlFor="export-unit"
          extra="Để trống để xuất toàn bộ phạm vi của bạn."
        >
          <UnitTreeSelect
            id="export-unit"
            allowClear
            value={unitId}
            onChange={(v) => setUnitId(v)}
          />
        </Form.Item>
      </Form>
      <Row gutter={[8, 8]}>
        <Col>
          <Button icon={<DownloadOutlined />} href={withQuery('/api/exports/people', { unitId })}>
            Xuất danh sách cán bộ
          </Button>
        </Col>
        <Col>
          <Button icon={<DownloadOutlined />} href={withQuery('/api/exports/units', { unitId })}>
            Xuất danh sách đơn vị
          </Button>
        </Col>
      </Row>
    </Card>
  );
}
