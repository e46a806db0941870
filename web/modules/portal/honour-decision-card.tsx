import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { upperFirst } from '../../ui/text';
import { BankOutlined, FilePdfOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { formatDate } from '../../ui/format';
import { honourDecisionPdfUrl, type HonourBoardDecision } from './honour-board.api';

/** One issued award decision on the honour board: its number, title, issuer and awardees. */
export function HonourDecisionCard({ decision: d }: { decision: HonourBoardDecision }) {
  const more = d.awardeeCount - d.awardees.length;
  return (
    <Card size="small" className="honour-card">
      <Flex gap={8} wrap align="baseline" style={{ marginBottom: 4 }}>
        <Typography.Text strong>Quyết định số {d.documentNumber}</Typography.Text>
        <Typography.Text type="secondary">ngày {formatDate(d.decisionDate)}</Typography.Text>
      </Flex>
      <div className="portal-plan-title">{upperFirst(d.title)}</div>
      <Flex gap={12} wrap justify="space-between" align="center" style={{ margin: '6px 0 8px' }}>
        <Typography.Text type="secondary">
          <BankOutlined aria-hidden /> {d.unit.name}
        </Typography.Text>
        <Button size="small" icon={<FilePdfOutlined />} href={honourDecisionPdfUrl(d.id)}>
          Tải quyết định (.pdf)
        </Button>
      </Flex>
      <List
        size="small"
        bordered
        dataSource={d.awardees}
        rowKey={(a) => `${a.goldenBookNumber ?? ''}-${a.name}-${a.formName}`}
        renderItem={(a) => (
          <List.Item className="honour-awardee">
            <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>
                  {a.kind === 'person' ? (
                    <UserOutlined aria-label="Cá nhân" />
                  ) : (
                    <TeamOutlined aria-label="Tập thể" />
                  )}{' '}
                  {a.name}
                </Typography.Text>
                <Tag color="gold">{a.formName}</Tag>
                {a.goldenBookNumber !== null && (
                  <Typography.Text type="secondary">
                    Sổ vàng số {a.goldenBookNumber}
                  </Typography.Text>
                )}
              </Flex>
              {a.positionText && (
                <Typography.Text type="secondary">{a.positionText}</Typography.Text>
              )}
              {a.achievement && <Typography.Text>{a.achievement}</Typography.Text>}
            </Flex>
          </List.Item>
        )}
      />
      {more > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          Và {more.toLocaleString('vi-VN')} tập thể, cá nhân khác — xem toàn văn quyết định.
        </Typography.Paragraph>
      )}
    </Card>
  );
}
