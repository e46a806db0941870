import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { DownloadOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import { reportVariantLabels } from '../../../shared/dossiers';
import { ErrorAlert } from '../../ui/error-alert';
import { reportUrl, useNominationDossier, useSaveNominationParts } from './dossiers.api';

/**
 * "Hồ sơ" of a nomination: the free-text parts of its report of achievements (textareas while
 * the nomination is a draft or returned; read-only with the reason once frozen on submission)
 * and the downloads (.docx, .pdf). Embedded in the nomination's page or drawer.
 */
export function DossierSection({ nominationId }: { nominationId: number }) {
  const dossier = useNominationDossier(nominationId);
  const save = useSaveNominationParts(nominationId);
  const { message } = App.useApp();
  const [texts, setTexts] = useState<Record<string, string>>({});

  const d = dossier.data;
  useEffect(() => {
    if (d) setTexts(Object.fromEntries(d.parts.map((p) => [p.key, p.text])));
  }, [d]);

  if (dossier.error) return <ErrorAlert error={dossier.error} />;
  if (!d) return <Skeleton active />;
  const changed = d.parts.filter((p) => (texts[p.key] ?? p.text) !== p.text);

  const onSave = () =>
    save.mutate(
      { parts: changed.map((p) => ({ key: p.key, text: texts[p.key] ?? '', version: p.version })) },
      { onSuccess: () => void message.success('Đã lưu nội dung hồ sơ.') },
    );

  return (
    <section aria-label="Hồ sơ">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{reportVariantLabels[d.variant]}</Typography.Text>
        {d.frozen && (
          <Tag icon={<LockOutlined />} color="default">
            Đã chốt khi gửi
          </Tag>
        )}
      </Flex>
      {d.readOnlyReason !== null && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={d.readOnlyReason} />
      )}
      {save.error && <ErrorAlert error={save.error} />}
      <Form layout="vertical" disabled={!d.canEdit}>
        {d.parts.map((p) => (
          <Form.Item key={p.key} label={p.label} htmlFor={`dossier-${p.key}`}>
            <Input.TextArea
              id={`dossier-${p.key}`}
              autoSize={{ minRows: 3, maxRows: 12 }}
              value={texts[p.key] ?? p.text}
              onChange={(ev) => setTexts((t) => ({ ...t, [p.key]: ev.target.value }))}
            />
          </Form.Item>
        ))}
      </Form>
      <Flex gap={8} wrap>
        {d.canEdit && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={changed.length === 0}
            loading={save.isPending}
            onClick={onSave}
          >
            Lưu nội dung
          </Button>
        )}
        <Button icon={<DownloadOutlined />} href={reportUrl(nominationId, 'docx')}>
          Báo cáo thành tích (.docx)
        </Button>
        <Button icon={<DownloadOutlined />} href={reportUrl(nominationId, 'pdf')}>
          Báo cáo thành tích (.pdf)
        </Button>
      </Flex>
    </section>
  );
}
