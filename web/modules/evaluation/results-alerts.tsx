import { Alert, Button } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import type { ApiError } from '../../api/client';
import { formatNumber } from '../../ui/format';
import { STALE_RESULTS } from './results.api';
import type { ResultsPending } from './results.api';

/**
 * The results tab's warnings: ranked units whose sheet is not final yet (publishing still works,
 * after a confirmation), and the refusal to publish results that no longer match the sheets.
 */

/** The refusal to publish results that no longer match the sheets (recompute first). */
export function isStaleRefusal(e: unknown): e is ApiError {
  return isApiError(e, 'INVALID_STATE') && e.details.reason === STALE_RESULTS;
}

/** "3 đơn vị chưa thẩm định xong và 1 phiếu đang trả lại", or null when every unit is final. */
function pendingText(p: ResultsPending | undefined): string | null {
  if (!p) return null;
  const parts: string[] = [];
  if (p.notAppraised > 0) parts.push(`${formatNumber(p.notAppraised)} đơn vị chưa thẩm định xong`);
  if (p.returned > 0) parts.push(`${formatNumber(p.returned)} phiếu đang trả lại`);
  return parts.length === 0 ? null : parts.join(' và ');
}

/**
 * What the publish confirmation warns of: ranked units whose sheet is not appraised yet or is
 * back with the unit (their result rests on the self-scores); null when every one is final.
 */
export function pendingWarning(p: ResultsPending | undefined): string | null {
  const text = pendingText(p);
  return text && `Còn ${text}: kết quả của các đơn vị này tính theo điểm tự chấm. Vẫn công bố?`;
}

/** Above the ranking while the results are computed: how many units are not final. */
export function PendingNote({ pending }: { pending: ResultsPending | undefined }) {
  const text = pendingText(pending);
  if (text === null) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="results-pending"
      title={`Còn ${text}`}
      description="Kết quả của các đơn vị này đang tính theo điểm tự chấm (hoặc điểm thẩm định đã có) và được đánh dấu trong bảng xếp hạng."
    />
  );
}

/**
 * The 409 refusing stale results, with the way out: recompute, then publish. The button is
 * offered to whoever computes (the issuer's officers and council); the head who publishes is told
 * to ask them.
 */
export function StaleResultsAlert({
  error,
  canCompute,
  computing,
  onCompute,
}: {
  error: ApiError;
  canCompute: boolean;
  computing: boolean;
  onCompute: () => void;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="publish-stale"
      title={error.message}
      description={
        canCompute
          ? 'Điểm của một số phiếu hoặc cách xếp loại đã thay đổi sau lần tính gần nhất. Tính lại kết quả, xem lại bảng xếp hạng rồi công bố.'
          : 'Điểm của một số phiếu hoặc cách xếp loại đã thay đổi sau lần tính gần nhất. Đề nghị cán bộ thi đua hoặc Hội đồng thi đua – khen thưởng tính lại kết quả, sau đó công bố.'
      }
      action={
        canCompute ? (
          <Button
            type="primary"
            icon={<CalculatorOutlined />}
            loading={computing}
            onClick={onCompute}
          >
            Tính lại kết quả
          </Button>
        ) : undefined
      }
    />
  );
}
