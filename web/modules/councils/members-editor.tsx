import { Button, Flex, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { councilRoleLabels, councilRoles, type CouncilRole } from '../../../shared/councils';
import { PersonPicker } from '../../ui/person-picker';

/** One member row as edited: an existing member keeps its id. */
export type MemberDraft = {
  id: number | null;
  personId: number | null;
  userId: number | null;
  fullName: string;
  role: CouncilRole;
};

const roleOptions = councilRoles.map((r) => ({ value: r, label: councilRoleLabels[r] }));

/**
 * The membership as a list of rows (cán bộ, họ tên, chức danh), for creating a council and for
 * editing it; the server checks the rules (one chair, one secretary at most, no one twice).
 */
export function MembersEditor({
  unitId,
  value,
  onChange,
}: {
  unitId: number | null;
  value: MemberDraft[];
  onChange: (v: MemberDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<MemberDraft>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <Flex vertical gap={8} className="council-members-editor">
      {value.map((m, i) => (
        <Flex key={m.id ?? `new-${i}`} gap={8} wrap align="center" className="council-member-row">
          <PersonPicker
            unitId={unitId}
            value={m.personId}
            label={m.fullName}
            ariaLabel={`Cán bộ ${i + 1}`}
            onPick={(personId, fullName) => set(i, { personId, fullName })}
          />
          <Input
            aria-label={`Họ và tên ${i + 1}`}
            value={m.fullName}
            onChange={(ev) => set(i, { fullName: ev.target.value })}
            style={{ flex: '2 1 160px', minWidth: 0 }}
          />
          <Select
            aria-label={`Chức danh ${i + 1}`}
            value={m.role}
            options={roleOptions}
            onChange={(role: CouncilRole) => set(i, { role })}
            style={{ flex: '1 1 120px', minWidth: 0 }}
          />
          <Button
            aria-label={`Xóa thành viên ${i + 1}`}
            icon={<DeleteOutlined />}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          onChange([
            ...value,
            {
              id: null,
              personId: null,
              userId: null,
              fullName: '',
              role: value.length === 0 ? 'chair' : 'member',
            },
          ])
        }
      >
        Thêm thành viên
      </Button>
    </Flex>
  );
}

export const toMemberFields = (m: MemberDraft) => ({
  id: m.id,
  personId: m.personId,
  userId: m.userId,
  fullName: m.fullName,
  role: m.role,
});
