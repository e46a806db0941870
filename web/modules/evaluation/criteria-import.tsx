import { useEffect, useState } from 'react';
import { Alert, App, Modal, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { RowErrorsTable } from '../../ui/row-errors-table';
import { useImportCriteria } from './criteria.api';
import type { CriteriaVersion } from './criteria.api';

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  open: boolean;
  version: CriteriaVersion;
  /** Unsaved edits in the editor are replaced by the file. */
  dirty: boolean;
  onClose: () => void;
  onImported: (v: CriteriaVersion) => void;
};

/** "Nhập Excel": replaces a draft's whole tree from a sheet in the export's format. */
export function ImportCriteriaModal({ open, version, dirty, onClose, onImported }: Props) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = useImportCriteria();
  const { message } = App.useApp();
  const file = files[0]?.originFileObj;
  const { reset } = upload;

  useEffect(() => {
    if (open) {
      setFiles([]);
      reset();
    }
  }, [open, reset]);

  const error = upload.error;
  const rows = isApiError(error) ? error.rows : [];
  const fields = isApiError(error) ? error.fields : [];
  // The catch-all 404 of an unknown /api path (the import route not deployed).
  const missingRoute =
    isApiError(error, 'NOT_FOUND') && error.message === 'Không tìm thấy địa chỉ yêu cầu.';

  return (
    <Modal
      open={open}
      title="Nhập bộ tiêu chí từ Excel"
      okText="Nhập và thay thế"
      cancelText="Đóng"
      okButtonProps={{ disabled: !file, danger: dirty }}
      confirmLoading={upload.isPending}
      onCancel={onClose}
      onOk={() => {
        if (!file) return;
        upload.mutate(
          { id: version.id, version: version.version, file },
          {
            onSuccess: (v) => {
              void message.success(`Đã nhập ${v.leafCount} tiêu chí cuối từ tệp.`);
              onImported(v);
              onClose();
            },
          },
        );
      }}
      width={720}
    >
      <Typography.Paragraph>
        Tệp theo đúng mẫu của nút “Xuất Excel” (trang “Bộ tiêu chí”): mỗi dòng một mục, cấp được xác
        định theo số hiệu (1 → 1.1 → 1.1.a). Toàn bộ cây tiêu chí của bản nháp được thay bằng nội
        dung tệp; có lỗi thì không thay đổi gì.
      </Typography.Paragraph>
      {dirty && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Các thay đổi chưa lưu trên màn hình sẽ bị thay bằng nội dung tệp."
        />
      )}
      <Upload.Dragger
        accept={ACCEPT}
        beforeUpload={() => false}
        maxCount={1}
        fileList={files}
        onChange={(e) => setFiles(e.fileList.slice(-1))}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">Kéo thả tệp .xlsx vào đây hoặc bấm để chọn tệp</p>
      </Upload.Dragger>
      {error && (
        <div style={{ marginTop: 16 }}>
          <ErrorAlert
            error={
              missingRoute ? new Error('Máy chủ chưa hỗ trợ nhập bộ tiêu chí từ Excel.') : error
            }
          />
          {fields.length > 1 && (
            <ul>
              {fields.map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
            </ul>
          )}
          {rows.length > 0 && <RowErrorsTable rows={rows} />}
        </div>
      )}
    </Modal>
  );
}
