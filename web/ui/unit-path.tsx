import { Breadcrumb } from 'antd';
import type { CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PathItem } from '../api/types';
import { childrenQuery } from './unit-fetch';

type Props = { path: readonly PathItem[]; linkLast?: boolean; style?: CSSProperties };

/**
 * A unit path as a breadcrumb. Only ancestors inside the user's scope (from one of their top
 * units down) are links; those above it would only lead to "no permission".
 */
export function UnitPathBreadcrumb({ path, linkLast = false, style }: Props) {
  const roots = useQuery(childrenQuery(null));
  const rootIds = new Set((roots.data ?? []).map((u) => String(u.id)));
  const start = path.findIndex((p) => rootIds.has(String(p.id)));
  return (
    <Breadcrumb
      style={style}
      items={path.map((item, i) => {
        const linked = start !== -1 && i >= start && (linkLast || i < path.length - 1);
        return { title: linked ? <Link to={`/units/${item.id}`}>{item.name}</Link> : item.name };
      })}
    />
  );
}
