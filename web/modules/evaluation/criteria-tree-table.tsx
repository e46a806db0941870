import { useMemo, useState } from 'react';
import type { Key } from 'react';
import { App, Button, Dropdown, Flex, Table } from 'antd';
import type { MenuProps } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  MoreOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { CriteriaTree, CriterionNode } from '../../../shared/criteria';
import {
  addChild,
  addSiblingAfter,
  blankNode,
  countLeaves,
  findNode,
  moveNode,
  parentIds,
  removeNode,
  replaceNode,
  suggestCode,
} from './criteria-tree';
import { toRows, treeColumns, TreeSummary } from './criteria-tree-columns';
import type { Row } from './criteria-tree-columns';
import { useIsMobile } from '../../ui/hooks';
import { CriterionModal } from './criterion-form';

/** What the criterion dialog is doing: editing a node, or adding one (under / after a node). */
type Dialog = {
  kind: 'edit' | 'child' | 'sibling' | 'field';
  targetId: string | null;
  node: CriterionNode;
  title: string;
};

function codesExcept(tree: CriteriaTree, id: string): Set<string> {
  const out = new Set<string>();
  const walk = (list: readonly CriterionNode[]) =>
    list.forEach((n) => {
      if (n.id !== id) out.add(n.code);
      walk(n.children);
    });
  walk(tree.fields);
  return out;
}

type Props = {
  tree: CriteriaTree;
  /** Present when the tree may be edited: every change hands back the whole new tree. */
  onChange?: (tree: CriteriaTree) => void;
};

/** The criteria as an expandable table, with field totals; editable for a draft's managers. */
export function CriteriaTreeTable({ tree, onChange }: Props) {
  const { modal } = App.useApp();
  const [expanded, setExpanded] = useState<readonly Key[]>(() => parentIds(tree.fields));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rows = useMemo(() => toRows(tree.fields), [tree]);
  const editable = onChange !== undefined;
  const mobile = useIsMobile();

  const open = (kind: Dialog['kind'], target: CriterionNode | null) => {
    if (kind === 'edit' && target) {
      setDialog({ kind, targetId: target.id, node: target, title: `Sửa mục ${target.code}` });
      return;
    }
    const where = target ? findNode(tree, target.id) : null;
    const parent = kind === 'child' ? target : (where?.parent ?? null);
    const siblings = kind === 'child' ? (target?.children ?? []) : (where?.siblings ?? tree.fields);
    const node = blankNode(tree, suggestCode(parent, siblings));
    const title =
      kind === 'child' && target
        ? `Thêm tiêu chí con của mục ${target.code}`
        : kind === 'sibling' && target
          ? `Thêm mục ngang hàng sau mục ${target.code}`
          : 'Thêm lĩnh vực';
    setDialog({ kind, targetId: target?.id ?? null, node, title });
  };

  const apply = (node: CriterionNode) => {
    if (!dialog || !onChange) return;
    const { kind, targetId } = dialog;
    if (kind === 'edit' && targetId) onChange(replaceNode(tree, targetId, node));
    else if (kind === 'child' && targetId) {
      onChange(addChild(tree, targetId, node));
      setExpanded((keys) => [...keys, targetId]);
    } else if (kind === 'sibling' && targetId) onChange(addSiblingAfter(tree, targetId, node));
    else onChange(addChild(tree, null, node));
    setDialog(null);
  };

  const remove = (node: CriterionNode) => {
    if (!onChange) return;
    const below = countLeaves(node.children);
    modal.confirm({
      title: `Xóa mục ${node.code}?`,
      content:
        node.children.length > 0
          ? `Mục “${node.title}” và toàn bộ ${below} tiêu chí cuối bên trong sẽ bị xóa khỏi bản nháp.`
          : `Tiêu chí “${node.title}” sẽ bị xóa khỏi bản nháp.`,
      okText: 'Xóa',
      okButtonProps: { danger: true },
      cancelText: 'Không xóa',
      onOk: () => onChange(removeNode(tree, node.id)),
    });
  };

  const menu = (node: CriterionNode): MenuProps => {
    const where = findNode(tree, node.id);
    const index = where?.siblings.findIndex((s) => s.id === node.id) ?? -1;
    const last = (where?.siblings.length ?? 0) - 1;
    const change = (next: CriteriaTree) => onChange?.(next);
    return {
      items: [
        { key: 'child', icon: <PlusOutlined />, label: 'Thêm tiêu chí con' },
        { key: 'sibling', icon: <PlusOutlined />, label: 'Thêm mục ngang hàng' },
        { key: 'up', icon: <ArrowUpOutlined />, label: 'Chuyển lên', disabled: index <= 0 },
        {
          key: 'down',
          icon: <ArrowDownOutlined />,
          label: 'Chuyển xuống',
          disabled: index >= last,
        },
        { type: 'divider' },
        { key: 'delete', icon: <DeleteOutlined />, label: 'Xóa', danger: true },
      ],
      onClick: ({ key }) => {
        if (key === 'child' || key === 'sibling') open(key, node);
        else if (key === 'up') change(moveNode(tree, node.id, -1));
        else if (key === 'down') change(moveNode(tree, node.id, 1));
        else if (key === 'delete') remove(node);
      },
    };
  };

  const columns = treeColumns(
    mobile,
    editable
      ? (node) => (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`Sửa mục ${node.code}`}
              onClick={() => open('edit', node)}
            />
            <Dropdown menu={menu(node)} trigger={['click']}>
              <Button
                size="small"
                icon={<MoreOutlined />}
                aria-label={`Thao tác khác với mục ${node.code}`}
              />
            </Dropdown>
          </Flex>
        )
      : undefined,
  );

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setExpanded(parentIds(tree.fields))}>
          Mở rộng tất cả
        </Button>
        <Button size="small" onClick={() => setExpanded([])}>
          Chỉ hiện lĩnh vực
        </Button>
        {editable && (
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => open('field', null)}
          >
            Thêm lĩnh vực
          </Button>
        )}
      </Flex>
      <Table<Row>
        size="small"
        bordered
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={mobile ? undefined : { x: editable ? 1000 : 920 }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys),
          indentSize: 16,
        }}
        summary={() => <TreeSummary tree={tree} mobile={mobile} editable={editable} />}
      />
      {dialog && (
        <CriterionModal
          open
          title={dialog.title}
          node={dialog.node}
          otherCodes={codesExcept(tree, dialog.node.id)}
          onOk={apply}
          onCancel={() => setDialog(null)}
        />
      )}
    </>
  );
}
