import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useDebouncedValue } from './hooks';

/** GET /api/plans/issuing-units and /api/public/plans/issuing-units items. */
type IssuingUnit = { id: number; name: string; kind: string; parentName: string | null };

const label = (u: IssuingUnit) => (u.parentName ? `${u.name} — ${u.parentName}` : u.name);

/**
 * Picks the issuing unit of a plans list (the list then shows that unit's plans and its
 * subtree's). Offers only units whose subtree issued a plan the viewer may see; typing searches
 * the server without accents. `source` is the internal or the public endpoint.
 */
export function IssuingUnitSelect({
  id,
  source,
  value,
  onChange,
  placeholder = 'Tất cả đơn vị',
  'aria-label': ariaLabel,
}: {
  id?: string;
  source: 'internal' | 'public';
  /** Unit id as a string (as kept in the URL). */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const url = source === 'public' ? '/api/public/plans/issuing-units' : '/api/plans/issuing-units';
  const opts = source === 'public' ? { redirectOn401: false } : undefined;
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['plan-issuing-units', source, term],
    queryFn: () => api.get<{ items: IssuingUnit[] }>(url, { search: term || undefined }, opts),
    placeholderData: keepPreviousData,
  });
  // The picked unit's name, when it is not among the units offered (opened from a link).
  const picked = useQuery({
    queryKey: ['plan-issuing-units', source, 'id', value],
    queryFn: () => api.get<{ items: IssuingUnit[] }>(url, { id: value }, opts),
    enabled: Boolean(value),
    staleTime: 60_000,
  });
  const units = new Map<number, IssuingUnit>();
  for (const u of [...(picked.data?.items ?? []), ...(found.data?.items ?? [])]) units.set(u.id, u);

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      style={{ width: '100%' }}
      placeholder={placeholder}
      value={value ? Number(value) : undefined}
      onChange={(v: number | undefined) => {
        setSearch('');
        onChange(v === undefined ? undefined : String(v));
      }}
      options={[...units.values()].map((u) => ({ value: u.id, label: label(u) }))}
      // Wide enough for "Bộ phận tiếp nhận và trả kết quả — Xã …", still inside a 375 px screen.
      popupMatchSelectWidth={340}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? 'Đang tìm…' : 'Không tìm thấy đơn vị'}
    />
  );
}
