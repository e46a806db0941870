import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import type { Id } from '../../api/types';
import { useCan } from '../../shell/current-user';
import { ErrorAlert } from '../../ui/error-alert';
import { formatNumber } from '../../ui/format';
import { RowErrorsTable } from '../../ui/row-errors-table';
import { surveyTemplateUrl, useImportSurveyScores } from './sheet-list.api';

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  planId: Id;
  /** Results published: the server refuses imports until the council reopens them. */
  locked: boolean;
  /** Results computed: they need computing again to take the new survey points. */
  computed: boolean;
};

/**
 * "Điểm khảo sát sự hài lòng": download the plan's template (one row per unit and survey
 * criterion, current scores filled in), fill it, upload it. All or nothing: the row errors are
 * listed by row and column. Shown to users who review registrations somewhere; the server decides
 * for this plan (a refusal shows its message).
 */
export function SurveyImportCard({ planId, locked, computed }: Props) {
  const mayImport = useCan('registration.review');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = useImportSurveyScores(planId);
  if (!mayImport) return null;

  const file = files[0]?.originFileObj;
  const error = upload.error;
  const rows = isApiError(error) ? error.rows : [];
  const total = isApiError(error) ? error.details.errorCount : undefined;
  const result = upload.data;

  return (
    <Card size="small" title="Điểm khảo sát sự hài lòng">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        Tải tệp mẫu (mỗi dòng một đơn vị và một tiêu chí chấm theo khảo sát, ví dụ SIPAS), ghi cột
        “Điểm khảo sát” rồi nhập lại. Điểm được quy đổi theo thang điểm của tiêu chí; nhập lại sẽ
        thay điểm cũ. Có lỗi ở bất kỳ dòng nào thì không ghi điểm nào.
      </Typography.Paragraph>
      {locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Kết quả đã công bố: cần Hội đồng mở lại trước khi nhập điểm khảo sát."
        />
      )}
      <Flex gap={8} wrap align="flex-start">
        <Button icon={<DownloadOutlined />} href={surveyTemplateUrl(planId)}>
          Tải tệp mẫu (.xlsx)
        </Button>
        <Upload
          accept={ACCEPT}
          beforeUpload={() => false}
          maxCount={1}
          fileList={files}
          onChange={(e) => {
            setFiles(e.fileList.slice(-1));
            upload.reset();
          }}
          disabled={locked}
        >
          <Button icon={<UploadOutlined />} disabled={locked}>
            Chọn tệp điểm khảo sát
          </Button>
        </Upload>
        <Button
          type="primary"
          disabled={!file || locked}
          loading={upload.isPending}
          onClick={() => {
            if (file) upload.mutate(file, { onSuccess: () => setFiles([]) });
          }}
        >
          Nhập điểm
        </Button>
      </Flex>
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={`Đã nhập ${formatNumber(result.imported)} điểm khảo sát cho ${formatNumber(result.sheets)} đơn vị từ tệp ${result.fileName}.`}
          description={
            <>
              {result.skipped > 0 &&
                `${formatNumber(result.skipped)} dòng chưa ghi điểm được bỏ qua. `}
              {computed && 'Bấm “Tính lại kết quả” để xếp loại theo điểm khảo sát mới.'}
            </>
          }
        />
      )}
      {error && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={error} style={{ marginBottom: rows.length > 0 ? 8 : 0 }} />
          {typeof total === 'number' && total > rows.length && (
            <Typography.Paragraph type="secondary">
              Hiển thị {formatNumber(rows.length)} trong {formatNumber(total)} lỗi.
            </Typography.Paragraph>
          )}
          {rows.length > 0 && <RowErrorsTable rows={rows} />}
        </div>
      )}
    </Card>
  );
}
