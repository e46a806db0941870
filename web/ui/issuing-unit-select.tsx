import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callEndpoint } from '../api/endpoint';
import { planEndpoints, publicPlanEndpoints, type IssuingUnit } from '../../shared/api/campaigns';
import { useDebouncedValue } from './hooks';

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
  // GET /api/plans/issuing-units or /api/public/plans/issuing-units (no login redirect there).
  const endpoint =
    source === 'public' ? publicPlanEndpoints.issuingUnits : planEndpoints.issuingUnits;
  const redirectOn401 = source === 'public' ? false : undefined;
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['plan-issuing-units', source, term],
    queryFn: () => callEndpoint(endpoint, { query: { search: term || undefined }, redirectOn401 }),
    placeholderData: keepPreviousData,
  });
  // The picked unit's name, when it is not among the units offered (opened from a link).
  const picked = useQuery({
    queryKey: ['plan-issuing-units', source, 'id', value],
    queryFn: () => callEndpoint(endpoint, { query: { id: value }, redirectOn401 }),
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
