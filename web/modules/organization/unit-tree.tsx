import { useEffect, useMemo, useState } from 'react';
import type { Key } from 'react';
import { Empty, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PathItem, Unit } from '../../api/types';
import { ErrorAlert } from '../../ui/error-alert';
import { childrenQuery } from '../../ui/unit-fetch';

type Props = {
  selectedId: string | undefined;
  /** Ancestors of the selected unit (root first), expanded so the selection is visible. */
  selectedPath: PathItem[] | undefined;
  onSelect: (id: string) => void;
  height: number;
};

function title(u: Unit) {
  return (
    <span>
      {u.name}
      {!u.active && (
        <Tag style={{ marginInlineStart: 6 }} color="default">
          Ngừng hoạt động
        </Tag>
      )}
    </span>
  );
}

/** The org tree: roots from GET /api/units, children loaded on expand (?parentId=). */
export function UnitTree({ selectedId, selectedPath, onSelect, height }: Props) {
  const queryClient = useQueryClient();
  const roots = useQuery(childrenQuery(null));
  const [opened, setOpened] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<Key[]>([]);
  const children = useQueries({ queries: opened.map((id) => childrenQuery(id)) });

  // Reveal the selected unit: expand (and load) each of its ancestors.
  // Only from the user's own top unit down: ancestors above it are outside their scope.
  const ancestors = (selectedPath ?? []).slice(0, -1).map((p) => String(p.id));
  const rootIndex = ancestors.findIndex((id) =>
    (roots.data ?? []).some((r) => String(r.id) === id),
  );
  const ancestorKey = rootIndex === -1 ? '' : ancestors.slice(rootIndex).join('/');
  useEffect(() => {
    if (!ancestorKey) return;
    const ids = ancestorKey.split('/');
    setOpened((prev) => [...prev, ...ids.filter((id) => !prev.includes(id))]);
    setExpanded((prev) => [...prev, ...ids.filter((id) => !prev.includes(id))]);
  }, [ancestorKey]);

  const childrenById = useMemo(() => {
    const map = new Map<string, Unit[]>();
    opened.forEach((id, i) => {
      const data = children[i]?.data;
      if (data) map.set(id, data);
    });
    return map;
  }, [opened, children]);

  const treeData = useMemo(() => {
    const build = (u: Unit, depth: number): TreeDataNode => {
      const key = String(u.id);
      const kids = childrenById.get(key);
      return {
        key,
        title: title(u),
        isLeaf: u.childCount === 0,
        children: kids && depth < 30 ? kids.map((k) => build(k, depth + 1)) : undefined,
      };
    };
    return (roots.data ?? []).map((u) => build(u, 0));
  }, [roots.data, childrenById]);

  if (roots.error) return <ErrorAlert error={roots.error} />;
  if (roots.isPending) return <Spin description="Đang tải cây đơn vị…" />;
  if (treeData.length === 0) return <Empty description="Bạn chưa được phân quyền ở đơn vị nào" />;

  return (
    <Tree
      aria-label="Cây đơn vị"
      blockNode
      showLine
      height={height}
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      loadedKeys={[...childrenById.keys()]}
      loadData={async (node) => {
        const id = String(node.key);
        await queryClient.ensureQueryData(childrenQuery(id));
        setOpened((prev) => (prev.includes(id) ? prev : [...prev, id]));
      }}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(String(key));
      }}
    />
  );
}
