import { Button, Flex, List, Popconfirm, Tag } from 'antd';
import type { DoubtfulValue } from '../../../shared/doubtful-text';

export const doubtTagLabels: Record<DoubtfulValue['code'], string> = {
  unaccented: 'Không dấu',
  ocr_noise: 'Đọc sai ký tự',
  low_confidence: 'Suy ra không chắc chắn',
};

/**
 * Doubtful imported values (decision 017), each with its reason, a link to its field and
 * "Giữ nguyên" to keep it as it reads; "Giữ nguyên tất cả" behind a confirmation when there are
 * several. Without `onKeep` (a viewer who may not confirm) only the links are offered. Shared by
 * the import review and the draft page.
 */
export function DoubtList({
  doubts,
  goLabel,
  onGo,
  onKeep,
  keeping,
}: {
  doubts: DoubtfulValue[];
  goLabel: string;
  onGo: (d: DoubtfulValue) => void;
  onKeep?: (keys: string[]) => void;
  /** The keys being kept right now (their buttons spin). */
  keeping?: readonly string[];
}) {
  const busy = (keys: readonly string[]) =>
    keeping !== undefined &&
    keeping.length === keys.length &&
    keys.every((k) => keeping.includes(k));
  const all = doubts.map((d) => d.key);
  return (
    <>
      <List
        size="small"
        className="doubt-list"
        itemLayout="vertical"
        dataSource={doubts}
        rowKey={(d) => `${d.field}:${d.key}`}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button key="go" size="small" type="link" onClick={() => onGo(d)}>
                {goLabel}
              </Button>,
              ...(onKeep
                ? [
                    <Button
                      key="ok"
                      size="small"
                      loading={busy([d.key])}
                      onClick={() => onKeep([d.key])}
                    >
                      Giữ nguyên
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Flex gap={6} wrap align="center">
                  <span>{d.label}</span>
                  <Tag color="orange">{doubtTagLabels[d.code]}</Tag>
                </Flex>
              }
              description={
                <>
                  <mark className="doubt-value">{d.value}</mark>
                  <div>{d.reason}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
      {onKeep && doubts.length > 1 && (
        <Flex justify="flex-end" style={{ marginTop: 8 }}>
          <Popconfirm
            title={`Giữ nguyên cả ${doubts.length} giá trị?`}
            description="Chỉ chọn khi bạn đã đọc từng giá trị ở trên và thấy đúng."
            okText="Giữ nguyên tất cả"
            cancelText="Xem lại"
            onConfirm={() => onKeep(all)}
          >
            <Button loading={doubts.length > 1 && busy(all)}>Giữ nguyên tất cả</Button>
          </Popconfirm>
        </Flex>
      )}
    </>
  );
}
