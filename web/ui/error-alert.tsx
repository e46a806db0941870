import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { isApiError } from '../api/client';

/** Shows an API (or any) error as an antd Alert; renders nothing without an error. */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Đã có lỗi xảy ra.';
  const requestId = isApiError(error) && error.code === 'INTERNAL' ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={requestId ? `Mã yêu cầu: ${requestId}` : undefined}
      style={{ marginBottom: 16, ...style }}
    />
  );
}
