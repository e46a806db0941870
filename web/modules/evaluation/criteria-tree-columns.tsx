import type { ReactNode } from 'react';
import { Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CriteriaTree, CriterionNode } from '../../../shared/criteria';
import { childSum, countLeaves, fmt, isLeaf, scoringSummary, sumMax } from './criteria-tree';

/** Columns of the criteria tree table: wide (one column per attribute) or phone (one cell). */

export type Row = { key: string; node: CriterionNode; children?: Row[] };

export const toRows = (nodes: readonly CriterionNode[]): Row[] =>
  nodes.map((node) => ({
    key: node.id,
    node,
    ...(node.children.length > 0 ? { children: toRows(node.children) } : {}),
  }));

/** The live check of a parent: do its children's maxima add up to its own? */
function SumTag({ node }: { node: CriterionNode }) {
  const check = childSum(node);
  if (!check) return null;
  return check.ok ? (
    <Tag color="success" style={{ marginInlineEnd: 0 }}>
      Tổng con {fmt(check.sum)} ✓
    </Tag>
  ) : (
    <Tag color="error" style={{ marginInlineEnd: 0 }}>
      Tổng con {fmt(check.sum)} ≠ {fmt(node.maxPoints)}
    </Tag>
  );
}

function Guidance({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <Typography.Paragraph
      type="secondary"
      style={{ marginBottom: 0, marginTop: 2, fontSize: 13 }}
      ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (e) => (e ? 'Thu gọn' : 'Xem thêm') }}
    >
      {text}
    </Typography.Paragraph>
  );
}

function Method({ node }: { node: CriterionNode }) {
  return isLeaf(node) ? (
    <Typography.Text type={node.scoring ? undefined : 'danger'}>
      {scoringSummary(node.scoring)}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">Cộng từ tiêu chí con</Typography.Text>
  );
}

/** Phone: code, title, maximum with its check, method, evidence and guidance in one cell. */
function CompactCell({ node }: { node: CriterionNode }) {
  const leaf = isLeaf(node);
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong={!leaf}>
        {node.code}. {node.title}
      </Typography.Text>
      <Flex gap={6} wrap align="center">
        <Typography.Text type="secondary">Tối đa {fmt(node.maxPoints)} điểm</Typography.Text>
        <SumTag node={node} />
        {node.evidenceRequired && <Tag color="blue">Bắt buộc minh chứng</Tag>}
      </Flex>
      {leaf && <Method node={node} />}
      <Guidance text={node.guidance} />
    </Flex>
  );
}

export function treeColumns(
  mobile: boolean,
  actions?: (node: CriterionNode) => ReactNode,
): TableColumnsType<Row> {
  const actionColumn: TableColumnsType<Row> = actions
    ? [
        {
          title: mobile ? '' : 'Thao tác',
          key: 'actions',
          width: 84,
          fixed: mobile ? undefined : 'right',
          render: (_: unknown, r) => actions(r.node),
        },
      ]
    : [];
  if (mobile)
    return [
      {
        title: 'Tiêu chí',
        key: 'title',
        render: (_: unknown, r) => <CompactCell node={r.node} />,
      },
      ...actionColumn,
    ];
  return [
    {
      title: 'Mục',
      key: 'code',
      width: 110,
      render: (_: unknown, r) => (
        <Typography.Text strong={!isLeaf(r.node)}>{r.node.code}</Typography.Text>
      ),
    },
    {
      title: 'Nội dung, hướng dẫn chấm',
      key: 'title',
      render: (_: unknown, r) => (
        <>
          <Typography.Text strong={!isLeaf(r.node)}>{r.node.title}</Typography.Text>
          <Guidance text={r.node.guidance} />
        </>
      ),
    },
    {
      title: 'Điểm tối đa',
      key: 'max',
      width: 120,
      align: 'right',
      render: (_: unknown, r) => (
        <Flex vertical align="end" gap={2}>
          <Typography.Text strong={!isLeaf(r.node)}>{fmt(r.node.maxPoints)}</Typography.Text>
          <SumTag node={r.node} />
        </Flex>
      ),
    },
    {
      title: 'Cách chấm',
      key: 'method',
      width: 220,
      render: (_: unknown, r) => <Method node={r.node} />,
    },
    {
      title: 'Minh chứng',
      key: 'evidence',
      width: 100,
      render: (_: unknown, r) => (r.node.evidenceRequired ? <Tag color="blue">Bắt buộc</Tag> : '—'),
    },
    ...actionColumn,
  ];
}

/** The bottom row: fields' total (bonus / penalty rows excluded) against the set's total. */
export function TreeSummary({
  tree,
  mobile,
  editable,
}: {
  tree: CriteriaTree;
  mobile: boolean;
  editable: boolean;
}) {
  const total = sumMax(tree.fields);
  const ok = total === tree.maxTotal;
  const label = `Tổng các lĩnh vực (${tree.fields.length} lĩnh vực, ${countLeaves(tree.fields)} tiêu chí cuối; không tính điểm thưởng / điểm trừ)`;
  const check = (
    <Tag color={ok ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
      {ok ? `= ${fmt(tree.maxTotal)} ✓` : `≠ ${fmt(tree.maxTotal)}`}
    </Tag>
  );
  if (mobile)
    return (
      <Table.Summary.Row>
        <Table.Summary.Cell index={0} colSpan={editable ? 2 : 1}>
          <Flex vertical gap={4}>
            <Typography.Text strong>{label}</Typography.Text>
            <Flex gap={6} align="center">
              <Typography.Text strong>{fmt(total)} điểm</Typography.Text>
              {check}
            </Flex>
          </Flex>
        </Table.Summary.Cell>
      </Table.Summary.Row>
    );
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={2}>
        <Typography.Text strong>{label}</Typography.Text>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={2} align="right">
        <Flex vertical align="end" gap={2}>
          <Typography.Text strong>{fmt(total)}</Typography.Text>
          {check}
        </Flex>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={3} colSpan={editable ? 3 : 2} />
    </Table.Summary.Row>
  );
}
