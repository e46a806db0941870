import { useState } from 'react';
import { Button, Card, Flex, Input, Spin, Tabs, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../ui/error-alert';
import type { ReadSource } from './plan-import.api';

const ACCEPT =
  '.txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Step 1: upload a file or paste the text, then read it. */
export function SourceStep({
  onRead,
  reading,
  error,
}: {
  onRead: (source: ReadSource) => void;
  reading: boolean;
  error: unknown;
}) {
  const [tab, setTab] = useState<'file' | 'text'>('file');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [text, setText] = useState('');
  const file = files[0]?.originFileObj;
  const ready = tab === 'file' ? Boolean(file) : text.trim() !== '';

  const submit = () => {
    if (tab === 'file' && file) onRead({ file });
    else if (tab === 'text' && text.trim() !== '') onRead({ text });
  };

  return (
    <Card>
      <Spin spinning={reading} description="Đang đọc văn bản…" size="large">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k === 'text' ? 'text' : 'file')}
          items={[
            {
              key: 'file',
              label: 'Tải tệp lên',
              children: (
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
                  <p className="ant-upload-text">Kéo thả tệp vào đây hoặc bấm để chọn tệp</p>
                  <p className="ant-upload-hint">
                    Tệp Word (.docx), PDF có lớp chữ (.pdf) hoặc văn bản (.txt). Bản scan không có
                    lớp chữ: hãy nhận dạng chữ (OCR) rồi dán nội dung vào thẻ “Dán văn bản”.
                  </p>
                </Upload.Dragger>
              ),
            },
            {
              key: 'text',
              label: 'Dán văn bản',
              children: (
                <Input.TextArea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 10, maxRows: 24 }}
                  placeholder="Dán toàn bộ nội dung kế hoạch (kể cả phần số, ngày, căn cứ, nơi nhận)…"
                  aria-label="Nội dung kế hoạch"
                  style={{ fontFamily: "'Times New Roman', 'Noto Serif', serif", fontSize: 15 }}
                />
              ),
            },
          ]}
        />
        <ErrorAlert error={error} style={{ marginTop: 16 }} />
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            onClick={submit}
            disabled={!ready}
            loading={reading}
          >
            Đọc văn bản
          </Button>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            Chưa có gì được lưu cho tới khi bạn bấm “Tạo dự thảo” ở bước sau.
          </Typography.Text>
        </Flex>
      </Spin>
    </Card>
  );
}
