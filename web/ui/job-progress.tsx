import { useEffect, useRef } from 'react';
import { Alert, Progress, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { toApiError } from '../api/client';
import { callEndpoint } from '../api/endpoint';
import { jobEndpoints } from '../../shared/api/jobs';
import type { Id, Job } from '../api/types';
import { ErrorAlert } from './error-alert';
import { RowErrorsTable } from './row-errors-table';

const statusText: Record<Job['status'], string> = {
  queued: 'Đang chờ xử lý…',
  running: 'Đang xử lý…',
  succeeded: 'Hoàn thành',
  failed: 'Thất bại',
};

function isDone(job: Job | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

function percentOf(job: Job): number {
  if (job.status === 'succeeded') return 100;
  const progress = job.progress ?? 0;
  if (job.total && job.total > 0) return Math.min(100, Math.floor((progress / job.total) * 100));
  return Math.min(100, Math.max(0, Math.floor(progress)));
}

type Props = {
  jobId: Id;
  /** Called once when the job reaches succeeded or failed. */
  onDone?: (job: Job) => void;
  /** Sentence shown under a failure (e.g. "Không có dữ liệu nào được ghi."). */
  failureNote?: string;
};

/** Polls GET /api/jobs/:id every 500 ms and shows a progress bar, then row errors on failure. */
export function JobProgress({ jobId, onDone, failureNote }: Props) {
  const query = useQuery({
    queryKey: ['jobs', String(jobId)],
    queryFn: () => callEndpoint(jobEndpoints.get, { params: { id: jobId } }),
    refetchInterval: (q) => (isDone(q.state.data) ? false : 500),
    refetchIntervalInBackground: true,
  });
  const job = query.data;
  const reported = useRef(false);

  useEffect(() => {
    if (job && isDone(job) && !reported.current) {
      reported.current = true;
      onDone?.(job);
    }
  }, [job, onDone]);

  if (query.error) return <ErrorAlert error={query.error} />;
  if (!job) return <Progress percent={0} status="active" aria-label="Tiến độ xử lý" />;

  const error =
    job.status === 'failed'
      ? toApiError(job.error ?? { error: 'INTERNAL', message: job.message ?? '' })
      : null;
  const counted =
    job.total && job.total > 0 && job.status !== 'succeeded'
      ? ` (${job.progress ?? 0}/${job.total})`
      : '';

  return (
    <div aria-live="polite">
      <Progress
        percent={percentOf(job)}
        status={
          job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'
        }
        aria-label="Tiến độ xử lý"
      />
      <Typography.Text type="secondary">
        {statusText[job.status]}
        {counted}
        {job.message && (job.status === 'running' || job.status === 'queued')
          ? ` — ${job.message}`
          : ''}
      </Typography.Text>
      {error && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error.message}
            description={failureNote}
            style={{ marginBottom: 12 }}
          />
          {error.rows.length > 0 && <RowErrorsTable rows={error.rows} />}
        </div>
      )}
    </div>
  );
}
