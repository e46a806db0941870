import { Card, Flex } from 'antd';
import { useHonourBoard } from './honour-board.api';
import { HonourDecisionCard } from './honour-decision-card';

/**
 * "Gương điển hình" of a published plan: the awardees of the plan's issued decisions (decision
 * 047). Shown only when there are some.
 */
export function PlanExemplary({ planId }: { planId: number }) {
  const board = useHonourBoard({ planId, page: 1, pageSize: 20 });
  if (!board.data || board.data.items.length === 0) return null;
  return (
    <Card title="Gương điển hình được khen thưởng" style={{ marginTop: 16 }}>
      <Flex vertical gap={12}>
        {board.data.items.map((d) => (
          <HonourDecisionCard key={d.id} decision={d} />
        ))}
      </Flex>
    </Card>
  );
}
