import { Card, Flex, Progress, Typography } from 'antd';
import { fmt } from './criteria-tree';
import type { Appraisal, ComparedLeaf, StageRollUp } from './appraisal.api';

/** Per-stage totals of the side-by-side view, as small cards, and what is left to appraise. */

const hasPoints = (c: { points: number | null } | null) => typeof c?.points === 'number';

/**
 * Leaves still lacking a score in the open round (the server's rule): appraised leaves without
 * a score in this round (round 2 counts round-1 scores, carried over at closing; a round-1 score
 * that `needsRescore` after the sheet was returned does not count); an adjustment leaf only when
 * the unit claimed a bonus or penalty.
 */
export function unappraised(view: Appraisal): ComparedLeaf[] {
  const round = view.permissions.round;
  if (round === null) return [];
  return view.leaves.filter((l) => {
    if (!l.appraised) return false;
    const round1 = hasPoints(l.appraisal1) && !l.needsRescore;
    if (round === 1 ? round1 : hasPoints(l.appraisal2) || round1) return false;
    if (l.method !== 'adjustment') return true;
    const claimed = l.self?.points;
    return typeof claimed === 'number' && claimed !== 0;
  });
}

/** Which stages have a score on some leaf (the others are shown as not started). */
export function stagesUsed(view: Appraisal) {
  const any = (k: 'appraisal1' | 'appraisal2' | 'survey' | 'explanation') =>
    view.leaves.some((l) => l[k] !== null);
  return {
    appraisal1: any('appraisal1'),
    appraisal2: any('appraisal2'),
    survey: any('survey'),
    explanation: any('explanation') || view.explanation.requestedAt !== null,
  };
}

function StageCard({
  title,
  roll,
  maxTotal,
  note,
  highlight,
  testId,
}: {
  title: string;
  roll: StageRollUp | null;
  maxTotal: number;
  note?: string;
  highlight?: boolean;
  testId: string;
}) {
  return (
    <Card
      size="small"
      style={{ flex: '1 1 150px', minWidth: 150, borderColor: highlight ? '#1677ff' : undefined }}
      styles={{ body: { padding: 10 } }}
      data-testid={testId}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      {roll ? (
        <Flex gap={10} align="center">
          <Typography.Text strong style={{ fontSize: 20 }}>
            {fmt(roll.total)}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {' '}
              / {fmt(maxTotal)}
            </Typography.Text>
          </Typography.Text>
          <Progress
            type="circle"
            size={40}
            percent={Math.min(100, roll.percent)}
            format={() => `${fmt(roll.percent)}%`}
          />
        </Flex>
      ) : (
        <div>
          <Typography.Text type="secondary">Chưa có</Typography.Text>
        </div>
      )}
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

export function AppraisalSummary({ view, maxTotal }: { view: Appraisal; maxTotal: number }) {
  const used = stagesUsed(view);
  const { totals } = view;
  const round = view.permissions.round;
  // Round 2 as it stands: a leaf not scored again keeps its round-1 score (copied at closing).
  const round2 = used.appraisal2 || round === 2;
  const left = round === 1 ? unappraised(view).length : 0;
  const adj = (r: StageRollUp) =>
    r.adjustments === 0
      ? undefined
      : `Thưởng/trừ ${r.adjustments > 0 ? '+' : ''}${fmt(r.adjustments)}`;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} aria-label="Tổng điểm theo từng bước">
      <StageCard
        title="Tự chấm"
        roll={totals.self}
        maxTotal={maxTotal}
        note={adj(totals.self)}
        testId="total-self"
      />
      <StageCard
        title="Thẩm định lần 1"
        roll={used.appraisal1 ? totals.appraisal1 : null}
        maxTotal={maxTotal}
        note={
          round === 1 && left > 0
            ? `Tạm tính: còn ${left} mục chưa thẩm định`
            : used.appraisal1
              ? adj(totals.appraisal1)
              : undefined
        }
        highlight={round === 1 && view.permissions.canScore}
        testId="total-appraisal1"
      />
      {(used.appraisal2 || used.explanation) && (
        <StageCard
          title="Thẩm định lần 2"
          roll={round2 ? totals.final : null}
          maxTotal={maxTotal}
          note={round2 ? 'Mục không chấm lại giữ điểm lần 1' : undefined}
          highlight={round === 2 && view.permissions.canScore}
          testId="total-appraisal2"
        />
      )}
      <StageCard
        title={
          view.status === 'appraised' || view.status === 'published'
            ? 'Kết quả'
            : 'Kết quả tạm tính'
        }
        roll={used.appraisal1 || used.survey ? totals.final : null}
        maxTotal={maxTotal}
        note="Lần thẩm định sau cùng; mục khảo sát theo kết quả khảo sát"
        testId="total-final"
      />
    </Flex>
  );
}
