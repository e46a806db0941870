import { useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Unit } from '../api/types';
import { sameId } from '../api/types';
import { formatPath } from './format';
import { useDebouncedValue } from './hooks';
import { childrenQuery, searchUnits, unitDetailQuery, unitKeys } from './unit-fetch';

type Props = {
  id?: string;
  /** Unit id as a string (URL-friendly); undefined when nothing is picked. */
  value?: string;
  onChange?: (value: string | undefined, unit?: Unit) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** A unit whose subtree may not be picked (moving a unit under itself). */
  excludeId?: string;
  style?: CSSProperties;
  'aria-label'?: string;
};

type Node = {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
  disabled?: boolean;
};

/**
 * Picks a unit: browse the tree lazily (children load on expand) or type to search the server
 * (accent-insensitive). Works as an antd Form control.
 */
export function UnitTreeSelect(props: Props) {
  const { value, onChange, excludeId } = props;
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const [opened, setOpened] = useState<string[]>([]);

  const roots = useQuery(childrenQuery(null));
  const children = useQueries({ queries: opened.map((id) => childrenQuery(id)) });
  const found = useQuery({
    queryKey: unitKeys.search(term),
    queryFn: () => searchUnits(term),
    enabled: term.length > 0,
  });
  const selected = useQuery({ ...unitDetailQuery(value ?? ''), enabled: Boolean(value) });

  const units = useMemo(() => {
    const map = new Map<string, Unit>();
    for (const u of roots.data ?? []) map.set(String(u.id), u);
    for (const c of children) for (const u of c.data ?? []) map.set(String(u.id), u);
    return map;
  }, [roots.data, children]);

  const treeData: Node[] = useMemo(() => {
    const isExcluded = (u: Unit) =>
      Boolean(excludeId) && u.path.some((p) => sameId(p.id, excludeId));
    if (term) {
      return (found.data?.items ?? []).map((u) => ({
        id: String(u.id),
        value: String(u.id),
        title: formatPath(u.path),
        isLeaf: true,
        disabled: isExcluded(u),
      }));
    }
    const rootIds = new Set((roots.data ?? []).map((u) => String(u.id)));
    return [...units.values()].map((u) => ({
      id: String(u.id),
      pId: rootIds.has(String(u.id)) || u.parentId === null ? undefined : String(u.parentId),
      value: String(u.id),
      title: u.active ? u.name : `${u.name} (ngừng hoạt động)`,
      isLeaf: u.childCount === 0,
      disabled: isExcluded(u),
    }));
  }, [term, found.data, units, roots.data, excludeId]);

  const label = value
    ? (units.get(value)?.displayName ??
      selected.data?.displayName ??
      (selected.isError ? value : 'Đang tải…'))
    : undefined;

  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      style={{ width: '100%', ...props.style }}
      placeholder={props.placeholder ?? 'Chọn đơn vị (gõ để tìm)'}
      allowClear={props.allowClear}
      disabled={props.disabled}
      treeDataSimpleMode
      treeData={treeData}
      labelInValue
      value={value && label ? { value, label } : undefined}
      onChange={(v: { value: string; label: string } | undefined) => {
        const id = v?.value;
        const unit = id
          ? (units.get(id) ?? found.data?.items.find((u) => sameId(u.id, id)))
          : undefined;
        setSearch('');
        onChange?.(id, unit);
      }}
      showSearch
      searchValue={search}
      onSearch={setSearch}
      filterTreeNode={false}
      loadData={async (node) => {
        const id = String(node.value);
        await queryClient.ensureQueryData(childrenQuery(id));
        setOpened((prev) => (prev.includes(id) ? prev : [...prev, id]));
      }}
      notFoundContent={
        term && found.isFetching
          ? 'Đang tìm…'
          : roots.isLoading
            ? 'Đang tải…'
            : 'Không tìm thấy đơn vị'
      }
    />
  );
}
