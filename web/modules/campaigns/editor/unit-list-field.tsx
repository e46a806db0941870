import { Flex, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { UnitTreeSelect } from '../../../ui/unit-tree-select';
import { unitDetailQuery } from '../../../ui/unit-fetch';
import { useEditable } from './fields';

/**
 * A list of units picked from the organisation tree (browse or type to search), shown as tags
 * with their names. Value: unit ids as strings, like the other unit pickers of the form.
 */
export function UnitListField({
  value = [],
  onChange,
  placeholder,
  'aria-label': ariaLabel,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  placeholder: string;
  'aria-label': string;
}) {
  const editable = useEditable();
  const units = useQueries({
    queries: value.map((id) => ({ ...unitDetailQuery(id), staleTime: 60_000 })),
  });
  const set = (ids: string[]) => onChange?.([...new Set(ids)]);
  return (
    <div>
      {value.length === 0 && !editable && (
        <Typography.Text type="secondary">Không chọn đơn vị cụ thể</Typography.Text>
      )}
      <Flex gap={4} wrap style={{ marginBottom: value.length > 0 ? 8 : 0 }}>
        {value.map((id, i) => (
          <Tag key={id} closable={editable} onClose={() => set(value.filter((v) => v !== id))}>
            {units[i]?.data?.displayName ?? `#${id}`}
          </Tag>
        ))}
      </Flex>
      {editable && (
        <div style={{ maxWidth: 420 }}>
          <UnitTreeSelect
            aria-label={ariaLabel}
            placeholder={placeholder}
            value={undefined}
            onChange={(id) => id && set([...value, id])}
          />
        </div>
      )}
    </div>
  );
}
