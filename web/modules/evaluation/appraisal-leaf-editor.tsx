import { App, Button, Flex, Input, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import type { CriterionNode, Scoring } from '../../../shared/criteria';
import { fmt, round2 } from './criteria-tree';
import { hasFigure, LeafInputWidget } from './sheet-leaf';
import { entryInput } from './sheet.api';
import type { LeafInput } from './sheet.api';
import { stageOfRound, useSaveAppraisal } from './appraisal.api';
import type { AppraisalRound, ComparedLeaf } from './appraisal.api';

/** An appraiser's editor for one leaf in the open round: the figures, the comment, Save. */

/** A leaf's unsaved appraisal: the figures by the leaf's method and the comment. */
export type AppraisalDraft = { input: LeafInput; note: string };
export type AppraisalDrafts = Record<string, AppraisalDraft>;

/**
 * The points the figures give, as a preview (the server computes the saved points); null when
 * the figures are missing or out of range.
 */
export function previewPoints(
  scoring: Scoring | undefined,
  max: number,
  input: LeafInput,
): number | null {
  if (!scoring || !hasFigure(scoring, input)) return null;
  switch (scoring.method) {
    case 'binary':
      return input.met ? max : 0;
    case 'tiered_percent': {
      const p = input.percent ?? -1;
      if (p < 0 || p > 100) return null;
      const tier = [...scoring.tiers]
        .sort((a, b) => b.minPercent - a.minPercent)
        .find((t) => p >= t.minPercent);
      return Math.min(tier?.points ?? 0, max);
    }
    case 'deduction': {
      const n = input.incidents ?? -1;
      return n < 0 ? null : Math.max(0, max - n * scoring.perIncident);
    }
    case 'manual': {
      const v = input.points ?? -1;
      return v < 0 || v > max ? null : v;
    }
    case 'adjustment': {
      const v = input.points ?? 0;
      return v < -scoring.maxPenalty || v > scoring.maxBonus ? null : v;
    }
    case 'survey':
      return null;
  }
}

/** The comment is required when the points differ from the self-score (or there is none). */
export function commentRequired(selfPoints: number | null | undefined, points: number | null) {
  if (points === null) return false;
  return typeof selfPoints !== 'number' || round2(selfPoints) !== round2(points);
}

type Props = {
  sheetId: number;
  node: CriterionNode;
  leaf: ComparedLeaf;
  round: AppraisalRound;
  draft: AppraisalDraft | undefined;
  /** A new draft, or null to drop it (saved, undone, or replaced by another user's save). */
  onDraft: (draft: AppraisalDraft | null) => void;
};

export function AppraisalLeafEditor({ sheetId, node, leaf, round, draft, onDraft }: Props) {
  const { message } = App.useApp();
  const save = useSaveAppraisal(sheetId);
  const saved = leaf[stageOfRound(round)];
  // Round 2 starts from the round-1 score, which is kept for any leaf not scored again.
  const carried = saved === null && round === 2 ? leaf.appraisal1 : null;
  const shown = saved ?? carried;
  const current: AppraisalDraft = draft ?? {
    input: entryInput(shown),
    note: shown?.note ?? '',
  };
  const edit = (patch: Partial<AppraisalDraft>) => onDraft({ ...current, ...patch });
  const points = previewPoints(node.scoring, node.maxPoints, current.input);
  const selfPoints = leaf.self?.points;
  const required = commentRequired(selfPoints, points);
  const missingNote = required && current.note.trim() === '';
  const figure = hasFigure(node.scoring, current.input);
  const saving = save.isPending && save.variables?.nodeId === node.id;
  const label = `Thẩm định lần ${round}`;

  const onSave = () => {
    if (!draft) return;
    if (missingNote) {
      void message.error(`Mục ${node.code}: cần ghi nhận xét vì điểm thẩm định khác điểm tự chấm.`);
      return;
    }
    const note = draft.note.trim();
    save.mutate(
      {
        nodeId: node.id,
        round,
        input: draft.input,
        note: note === '' ? null : note,
        version: saved?.version ?? 0,
      },
      {
        onSuccess: (r) => {
          onDraft(null);
          void message.success(
            `Đã lưu thẩm định mục ${node.code}${r.points === null ? '' : `: ${fmt(r.points)} điểm`}.`,
          );
        },
        onError: (e) => {
          if (isApiError(e, 'CONFLICT')) {
            onDraft(null);
            void message.warning({
              content: `Người khác vừa lưu mục ${node.code}; đã tải lại điểm của họ. Vui lòng kiểm tra và chấm lại nếu cần.`,
              duration: 8,
            });
          } else void message.error({ content: e.message, duration: 8 });
        },
      },
    );
  };

  const copySelf = () => {
    if (leaf.self) onDraft({ input: entryInput(leaf.self), note: current.note });
  };

  return (
    <Flex vertical gap={4} data-testid={`appraisal-editor-${node.code}`}>
      <LeafInputWidget
        node={node}
        value={current.input}
        disabled={false}
        stageLabel={label}
        onChange={(input) => edit({ input })}
      />
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text style={{ fontSize: 12 }}>
          Điểm:{' '}
          <strong>
            {points === null ? (shown?.points != null ? fmt(shown.points) : '—') : fmt(points)}
          </strong>
        </Typography.Text>
        {!draft && carried && (
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            giữ điểm lần 1
          </Typography.Text>
        )}
        {draft && (
          <Typography.Text type="warning" style={{ fontSize: 11 }}>
            chưa lưu
          </Typography.Text>
        )}
        {leaf.self && hasFigure(node.scoring, entryInput(leaf.self)) && (
          <Typography.Link
            style={{ fontSize: 12 }}
            onClick={copySelf}
            aria-label={`Lấy số liệu tự chấm cho mục ${node.code}`}
          >
            Như tự chấm
          </Typography.Link>
        )}
      </Flex>
      <Input.TextArea
        size="small"
        autoSize={{ minRows: 1, maxRows: 5 }}
        maxLength={4000}
        status={missingNote && draft ? 'error' : undefined}
        placeholder={required ? 'Nhận xét (bắt buộc: điểm khác tự chấm)' : 'Nhận xét (nếu có)'}
        aria-label={`Nhận xét thẩm định mục ${node.code}`}
        aria-required={required}
        value={current.note}
        onChange={(e) => edit({ note: e.target.value })}
      />
      {missingNote && draft && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          Cần ghi nhận xét vì điểm khác điểm tự chấm.
        </Typography.Text>
      )}
      <Flex gap={4} wrap>
        <Button
          size="small"
          type={draft ? 'primary' : 'default'}
          icon={<SaveOutlined />}
          disabled={!draft || !figure}
          loading={saving}
          onClick={onSave}
          aria-label={`Lưu thẩm định mục ${node.code}`}
        >
          Lưu
        </Button>
        {draft && (
          <Button size="small" type="text" onClick={() => onDraft(null)}>
            Hoàn tác
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
