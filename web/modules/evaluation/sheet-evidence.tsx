import { App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { CriterionNode } from '../../../shared/criteria';
import { useRemoveEvidence, useUploadEvidence, evidenceUrl } from './sheet.api';
import type { SheetEvidence } from './sheet.api';

/** The evidence files (tài liệu kiểm chứng) of one leaf, with upload and delete when editable. */

export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

export function EvidenceList({
  sheetId,
  node,
  files,
  editable,
}: {
  sheetId: number;
  node: CriterionNode;
  files: readonly SheetEvidence[];
  /** Files may be uploaded (and deleted, unless the server says per file). */
  editable: boolean;
}) {
  const { message } = App.useApp();
  const upload = useUploadEvidence(sheetId);
  const remove = useRemoveEvidence(sheetId);
  const selfScored = node.scoring?.method !== 'survey';
  if (!selfScored) return null;

  const send = (file: File) => {
    upload.mutate(
      { nodeId: node.id, file },
      {
        onSuccess: () => void message.success(`Đã tải lên "${file.name}".`),
        onError: (e) => void message.error({ content: e.message, duration: 8 }),
      },
    );
  };

  return (
    <Flex vertical gap={2}>
      {files.map((f) => (
        <Flex key={f.id} gap={4} align="center" style={{ minWidth: 0 }}>
          <PaperClipOutlined style={{ color: '#8c8c8c' }} />
          <Typography.Link
            href={evidenceUrl(sheetId, f.id)}
            target="_blank"
            ellipsis
            style={{ fontSize: 13, maxWidth: 220 }}
            title={f.fileName}
          >
            {f.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {size(f.sizeBytes)}
          </Typography.Text>
          {(f.canDelete ?? editable) && (
            <Popconfirm
              title={`Xóa tệp "${f.fileName}"?`}
              okText="Xóa"
              okButtonProps={{ danger: true }}
              cancelText="Không"
              onConfirm={() =>
                remove.mutateAsync(f.id).then(
                  () => void message.success('Đã xóa tệp kiểm chứng.'),
                  (e: Error) => void message.error(e.message),
                )
              }
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`Xóa tệp ${f.fileName}`}
              />
            </Popconfirm>
          )}
        </Flex>
      ))}
      {editable && (
        <Upload
          accept={EVIDENCE_ACCEPT}
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            aria-label={`Tải tệp kiểm chứng cho mục ${node.code}`}
          >
            Tải tệp kiểm chứng
          </Button>
        </Upload>
      )}
      {!editable && files.length === 0 && node.evidenceRequired && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Chưa có tệp kiểm chứng
        </Typography.Text>
      )}
    </Flex>
  );
}
