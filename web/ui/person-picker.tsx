import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { callEndpoint } from '../api/endpoint';
import { organizationEndpoints as org } from '../../shared/api/organization';
import { useDebouncedValue } from './hooks';

/** Picks a person of the unit's subtree by name (server search), filling the member's name. */
export function PersonPicker({
  unitId,
  value,
  label,
  onPick,
  ariaLabel,
}: {
  unitId: number | null;
  value: number | null;
  label: string;
  onPick: (id: number, name: string) => void;
  ariaLabel: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const people = useQuery({
    queryKey: ['person-picker', unitId, q],
    queryFn: () =>
      callEndpoint(org.listPeople, {
        query: { search: q === '' ? undefined : q, unitId: unitId ?? undefined, pageSize: 20 },
      }),
    enabled: unitId !== null,
  });
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }));
  if (value !== null && !options.some((o) => o.value === value)) options.unshift({ value, label });
  return (
    <Select
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      placeholder="Tìm cán bộ theo tên"
      options={options}
      loading={people.isFetching}
      onChange={(id: number) => onPick(id, options.find((o) => o.value === id)?.label ?? '')}
      style={{ flex: '2 1 200px', minWidth: 0 }}
    />
  );
}
