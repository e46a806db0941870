import { useState } from 'react';
import { Alert, Button, Modal, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { formatNumber } from '../../ui/format';
import { RowErrorsTable } from '../../ui/row-errors-table';
import { selfTemplateUrl, useImportSelf } from './sheet.api';
import type { ScoreSheet } from './sheet.api';

/**
 * The self-assessment in Excel (server: self-import.service.ts): "Tải mẫu Excel" downloads the
 * sheet's fill-in workbook (one "Số liệu" cell per leaf, current figures filled in), "Nhập từ
 * Excel" uploads it back. All or nothing: the row errors are listed by row and column.
 */

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  sheet: ScoreSheet;
  /** Leaves edited on the page and not saved: an import does not touch them. */
  unsaved: number;
};

/** The two buttons of the sheet page's header and the import dialog. */
export function SelfImportButtons({ sheet, unsaved }: Props) {
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = useImportSelf(sheet.id);
  const file = files[0]?.originFileObj;
  const error = upload.error;
  const rows = isApiError(error) ? error.rows : [];
  const total = isApiError(error) ? error.details.errorCount : undefined;
  const result = upload.data;

  const show = () => {
    setFiles([]);
    upload.reset();
    setOpen(true);
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        href={selfTemplateUrl(sheet.id)}
        download
        aria-label="Tải tệp Excel mẫu để điền số liệu tự chấm"
      >
        Tải mẫu Excel
      </Button>
      <Button icon={<UploadOutlined />} onClick={show}>
        Nhập từ Excel
      </Button>
      <Modal
        open={open}
        title="Nhập số liệu tự chấm từ Excel"
        okText="Nhập"
        cancelText="Đóng"
        okButtonProps={{ disabled: !file }}
        confirmLoading={upload.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => {
          if (file) upload.mutate(file, { onSuccess: () => setFiles([]) });
        }}
        width={720}
        destroyOnHidden
      >
        <Typography.Paragraph>
          Dùng tệp của nút “Tải mẫu Excel”: mỗi tiêu chí một ô “Số liệu” (ghi theo cột “Cách chấm”),
          hệ thống tự tính điểm. Ô để trống giữ nguyên dữ liệu đã có; có lỗi ở bất kỳ dòng nào thì
          không ghi gì.
        </Typography.Paragraph>
        {unsaved > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`Còn ${unsaved} tiêu chí đang sửa chưa lưu trên màn hình; hãy lưu hoặc bỏ trước khi nhập.`}
          />
        )}
        <Upload.Dragger
          accept={ACCEPT}
          beforeUpload={() => false}
          maxCount={1}
          fileList={files}
          onChange={(e) => {
            setFiles(e.fileList.slice(-1));
            upload.reset();
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">Kéo thả tệp .xlsx vào đây hoặc bấm để chọn tệp</p>
        </Upload.Dragger>
        {result && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 16 }}
            data-testid="self-import-result"
            title={`Đã nhập ${formatNumber(result.imported)} tiêu chí.`}
            description={
              <>
                {result.unchanged > 0 &&
                  `${formatNumber(result.unchanged)} tiêu chí để trống hoặc không đổi được giữ nguyên. `}
                {result.changedSinceTemplate.length > 0 &&
                  `Các mục ${result.changedSinceTemplate.join(', ')} đã được chấm lại sau khi tải tệp mẫu; số liệu trong tệp đã thay số liệu đó.`}
              </>
            }
          />
        )}
        {error && (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert error={error} style={{ marginBottom: rows.length > 0 ? 8 : 0 }} />
            {typeof total === 'number' && total > rows.length && (
              <Typography.Paragraph type="secondary">
                Hiển thị {formatNumber(rows.length)} trong {formatNumber(total)} lỗi.
              </Typography.Paragraph>
            )}
            {rows.length > 0 && <RowErrorsTable rows={rows} />}
          </div>
        )}
      </Modal>
    </>
  );
}
