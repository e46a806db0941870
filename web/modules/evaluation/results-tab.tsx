import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { CalculatorOutlined, NotificationOutlined, UnlockOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime, formatNumber } from '../../ui/format';
import type { PlanDetail } from '../campaigns/plans.api';
import {
  useBandCounts,
  useComputeResults,
  usePublishResults,
  useReopenResults,
  useResults,
} from './results.api';
import type { ComputeOutcome, ResultsFilter, ResultsPage, ResultsPending } from './results.api';
import { isStaleRefusal, PendingNote, pendingWarning, StaleResultsAlert } from './results-alerts';
import { BandDistribution, ResultsTable, sortBands } from './results-view';
import { SurveyImportCard } from './survey-import';

/**
 * Plan tab "Kết quả": compute the classification and ranking, publish it (the issuing unit's
 * head), reopen it (the council, with a reason); the distribution per band and the ranking;
 * the survey-score import (survey-import.tsx).
 * The server decides who may do what: a refusal shows its message.
 */
export function PlanResultsTab({ plan }: { plan: PlanDetail }) {
  const { message, modal } = App.useApp();
  const [filter, setFilter] = useState<ResultsFilter>({ page: 1, pageSize: 20 });
  const results = useResults(plan.id, 'internal', filter);
  const data = results.data;
  const counts = useBandCounts(plan.id, 'internal', data?.bands);
  const compute = useComputeResults(plan.id);
  const publish = usePublishResults(plan.id);
  const reopen = useReopenResults(plan.id);
  const [lastRun, setLastRun] = useState<ComputeOutcome | null>(null);
  const [reopening, setReopening] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  if (results.error && !data) {
    if (isApiError(results.error, 'NOT_FOUND'))
      return (
        <Alert type="info" showIcon title="Bạn không có quyền xem kết quả của kế hoạch này." />
      );
    return <ErrorAlert error={results.error} />;
  }

  const status = data?.status;
  const ended = plan.status === 'cancelled';

  const onCompute = () => {
    setActionError(null);
    compute.mutate(undefined, {
      onSuccess: (r) => {
        setLastRun(r);
        setFilter((f) => ({ ...f, page: 1 }));
        message.success(
          `Đã tính kết quả: ${formatNumber(r.units)} đơn vị, ${formatNumber(r.ms)} ms`,
        );
      },
      onError: setActionError,
    });
  };

  const confirmPublish = (pending: ResultsPending | undefined) => {
    const warning = pendingWarning(pending);
    modal.confirm({
      title: 'Công bố kết quả đánh giá?',
      content: (
        <>
          {warning && (
            <Alert
              type="warning"
              showIcon
              title={warning}
              style={{ marginBottom: 8 }}
              data-testid="publish-pending"
            />
          )}
          Kết quả sẽ được khóa và hiển thị công khai trên cổng thông tin. Muốn tính lại, Hội đồng
          thi đua – khen thưởng phải mở lại kèm lý do.
        </>
      ),
      okText: warning ? 'Vẫn công bố' : 'Công bố',
      cancelText: 'Hủy',
      onOk: () => {
        setActionError(null);
        return publish.mutateAsync(undefined).then(
          () => {
            message.success('Đã công bố kết quả.');
          },
          (e: unknown) => {
            setActionError(e);
          },
        );
      },
    });
  };

  // The counts as they are now (a sheet may have moved since the page loaded).
  const onPublish = () => {
    setActionError(null);
    void results.refetch().then((r) => confirmPublish((r.data ?? data)?.pending));
  };

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <StatusLine data={data} loading={results.isPending} />
        <Flex gap={8} wrap>
          {status !== 'published' && (
            <Button
              type={status === 'none' ? 'primary' : 'default'}
              icon={<CalculatorOutlined />}
              loading={compute.isPending}
              disabled={!data || ended}
              onClick={onCompute}
            >
              {compute.isPending
                ? 'Đang tính…'
                : status === 'computed'
                  ? 'Tính lại kết quả'
                  : 'Tính kết quả'}
            </Button>
          )}
          {status === 'computed' && (
            <Button
              type="primary"
              icon={<NotificationOutlined />}
              loading={publish.isPending}
              onClick={onPublish}
            >
              Công bố
            </Button>
          )}
          {status === 'published' && (
            <Button
              danger
              icon={<UnlockOutlined />}
              onClick={() => {
                setActionError(null);
                setReopening(true);
              }}
            >
              Mở lại
            </Button>
          )}
        </Flex>
      </Flex>

      {lastRun && !compute.isPending && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLastRun(null) }}
          title={`Đã tính: ${formatNumber(lastRun.units)} đơn vị, ${formatNumber(lastRun.ms)} ms`}
        />
      )}
      {isStaleRefusal(actionError) ? (
        <StaleResultsAlert
          error={actionError}
          canCompute={data?.permissions?.canCompute ?? true}
          computing={compute.isPending}
          onCompute={onCompute}
        />
      ) : (
        <ErrorAlert error={actionError} style={{ marginBottom: 0 }} />
      )}
      {status === 'computed' && data && <PendingNote pending={data.pending} />}
      {status === 'published' && (
        <Alert
          type="info"
          showIcon
          title="Kết quả đã công bố và đang hiển thị trên cổng thông tin. Muốn tính lại cần Hội đồng mở lại."
        />
      )}

      {status === 'none' ? (
        <Alert
          type="info"
          showIcon
          title="Chưa tính kết quả"
          description="Bấm “Tính kết quả” để xếp loại và xếp hạng các đơn vị đã nộp phiếu tự chấm điểm (điểm lấy theo vòng chấm gần nhất: thẩm định vòng 2, vòng 1, rồi tự chấm)."
        />
      ) : data ? (
        <>
          <Card size="small" title="Phân bố theo mức xếp loại">
            <BandDistribution
              bands={data.bands}
              counts={counts.counts}
              loading={counts.pending}
              selected={filter.bandKey}
              onSelect={(bandKey) => setFilter((f) => ({ ...f, bandKey, page: 1 }))}
            />
            <ErrorAlert error={counts.error} style={{ marginTop: 8, marginBottom: 0 }} />
          </Card>
          <Flex gap={8} wrap align="center">
            <Typography.Text>Xếp loại:</Typography.Text>
            <Select
              allowClear
              placeholder="Tất cả"
              style={{ minWidth: 180 }}
              value={filter.bandKey}
              onChange={(bandKey?: string) => setFilter((f) => ({ ...f, bandKey, page: 1 }))}
              options={sortBands(data.bands).map((b) => ({ value: b.key, label: b.label }))}
              aria-label="Lọc theo mức xếp loại"
            />
          </Flex>
          <ResultsTable
            items={data.items}
            bands={data.bands}
            total={data.total}
            page={filter.page}
            pageSize={filter.pageSize}
            loading={results.isFetching}
            sheetLinks
            onPage={(page, pageSize) =>
              setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize }))
            }
          />
        </>
      ) : null}

      {data && (
        <SurveyImportCard
          planId={plan.id}
          locked={status === 'published'}
          computed={status === 'computed'}
        />
      )}

      <ReopenModal
        open={reopening}
        pending={reopen.isPending}
        onCancel={() => setReopening(false)}
        onSubmit={(reason) =>
          reopen.mutateAsync({ reason }).then(() => {
            setReopening(false);
            message.success('Đã mở lại kết quả.');
          })
        }
      />
    </Flex>
  );
}

const tagGap = { marginInlineEnd: 6 };

function StatusLine({ data, loading }: { data: ResultsPage | undefined; loading: boolean }) {
  if (loading || !data) return <Typography.Text type="secondary">Đang tải…</Typography.Text>;
  if (data.status === 'published')
    return (
      <Typography.Text>
        <Tag color="green" style={tagGap}>
          Đã công bố
        </Tag>
        lúc {formatDateTime(data.publishedAt)}
        {data.computedAt && (
          <Typography.Text type="secondary">
            {' '}
            · tính lúc {formatDateTime(data.computedAt)}
          </Typography.Text>
        )}
      </Typography.Text>
    );
  if (data.status === 'computed')
    return (
      <Typography.Text>
        <Tag color="blue" style={tagGap}>
          Đã tính
        </Tag>
        lúc {formatDateTime(data.computedAt)} · chưa công bố
      </Typography.Text>
    );
  return (
    <Typography.Text>
      <Tag style={tagGap}>Chưa tính</Tag>
      Kết quả chưa được tính
    </Typography.Text>
  );
}

function ReopenModal({
  open,
  pending,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open={open}
      title="Mở lại kết quả đã công bố"
      okText="Mở lại"
      cancelText="Hủy"
      okButtonProps={{ danger: true, loading: pending }}
      destroyOnHidden
      onCancel={onCancel}
      afterClose={() => {
        form.resetFields();
        setError(null);
      }}
      onOk={() =>
        form.validateFields().then(
          ({ reason }) => {
            setError(null);
            return onSubmit(reason.trim()).catch(setError);
          },
          () => undefined, // the form shows what is missing
        )
      }
    >
      <Typography.Paragraph type="secondary">
        Kết quả sẽ thôi hiển thị công khai và có thể tính lại. Lý do được ghi vào nhật ký.
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label="Lý do mở lại"
          rules={[
            { required: true, whitespace: true, message: 'Nhập lý do mở lại' },
            { max: 1000, message: 'Tối đa 1000 ký tự' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
