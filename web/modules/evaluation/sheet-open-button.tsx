import { App, Button } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Id } from '../../api/types';
import { useOpenSheet } from './sheet.api';

/**
 * "Tự đánh giá" on an approved collective registration: opens (or creates) its score sheet and
 * goes there. The server decides who may (the unit's side or the plan's officer) and explains why
 * not (no criteria set bound to the plan, …).
 */
export function OpenSheetButton({
  registration,
}: {
  registration: { id: Id; kind: string; status: string };
}) {
  const open = useOpenSheet();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (registration.kind !== 'collective' || registration.status !== 'approved') return null;
  return (
    <Button
      size="small"
      icon={<FormOutlined />}
      loading={open.isPending}
      onClick={() =>
        open.mutate(registration.id, {
          onSuccess: (s) => void navigate(`/score-sheets/${s.id}`),
          onError: (e) => void message.error({ content: e.message, duration: 8 }),
        })
      }
    >
      Tự đánh giá
    </Button>
  );
}
