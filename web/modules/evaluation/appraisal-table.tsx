import { useMemo } from 'react';
import type { Key, ReactNode } from 'react';
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CriterionNode } from '../../../shared/criteria';
import { formatDateTime } from '../../ui/format';
import { fmt, isLeaf } from './criteria-tree';
import type { Row } from './criteria-tree-columns';
import { EvidenceList } from './sheet-evidence';
import type { ScoreSheet, SheetEvidence } from './sheet.api';
import { AppraisalLeafEditor } from './appraisal-leaf-editor';
import type { AppraisalDraft, AppraisalDrafts } from './appraisal-leaf-editor';
import { stagesUsed } from './appraisal-summary';
import { ExplanationEditor } from './explanation-panel';
import type { Appraisal, AppraisalRound, StageCell } from './appraisal.api';

/**
 * The side-by-side table (bảng so sánh): per leaf the self-score, appraisal rounds, the unit's
 * explanation, the survey and the differences, grouped by field like the self table. The open
 * round's column holds the appraiser's editor; the explanation column the unit's answer box.
 */

export const appraisalRowId = (nodeId: string) => `appraisal-leaf-${nodeId}`;

type Props = {
  sheet: ScoreSheet;
  view: Appraisal;
  rows: Row[];
  expanded: readonly Key[];
  setExpanded: (keys: readonly Key[]) => void;
  /** Leaves the unit may answer about (all of them when the whole sheet was asked about). */
  asked: ReadonlySet<string>;
  /** Leaves lacking a score in the open round. */
  unscored: ReadonlySet<string>;
  focused: string | null;
  mobile: boolean;
  drafts: AppraisalDrafts;
  onDraft: (nodeId: string, draft: AppraisalDraft | null) => void;
  answers: Record<string, string>;
  onAnswer: (nodeId: string, note: string | null) => void;
};

const RED = '#cf1322';
const GREEN = '#389e0d';

/** "+1,5" green, "−2" red, "0" grey; nothing when there is no difference to show. */
export function DiffText({ value, label }: { value: number | null; label?: string }) {
  if (value === null) return null;
  const color = value < 0 ? RED : value > 0 ? GREEN : undefined;
  const text = value > 0 ? `+${fmt(value)}` : value < 0 ? `−${fmt(-value)}` : '0';
  return (
    <Typography.Text
      type={value === 0 ? 'secondary' : undefined}
      style={{ color, fontSize: 13, whiteSpace: 'nowrap' }}
      aria-label={`${label ? `${label}: ` : ''}${value < 0 ? 'thấp hơn' : value > 0 ? 'cao hơn' : 'bằng'} tự chấm ${text}`}
    >
      {label && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label}{' '}
        </Typography.Text>
      )}
      {text}
    </Typography.Text>
  );
}

/** A stage's points with its note (comment or explanation) in small text under them. */
function StageValue({ cell, points = true }: { cell: StageCell | null; points?: boolean }) {
  if (cell === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const by = [cell.scoredByName, formatDateTime(cell.scoredAt)].filter(Boolean).join(' · ');
  return (
    <Flex vertical gap={0}>
      {points && (
        <Tooltip title={by}>
          <Typography.Text strong>{cell.points === null ? '—' : fmt(cell.points)}</Typography.Text>
        </Tooltip>
      )}
      {cell.note && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}
          ellipsis={{ rows: 3, tooltip: cell.note }}
        >
          {cell.note}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

/**
 * Under a round-1 score made before the sheet was returned and sent again: "cần chấm lại" when the
 * unit changed the leaf since (it no longer counts), else a quiet note that it still stands.
 */
function StaleNote({ stale, rescore }: { stale: boolean | undefined; rescore: boolean }) {
  if (rescore)
    return (
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        Cần chấm lại: đơn vị đã sửa điểm tự chấm sau lần thẩm định này
      </Typography.Text>
    );
  if (!stale) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      Chấm trước khi phiếu nộp lại (tự chấm không đổi)
    </Typography.Text>
  );
}

export function AppraisalTable(p: Props) {
  const { sheet, view, mobile } = p;
  const leaves = useMemo(() => new Map(view.leaves.map((l) => [l.nodeId, l])), [view.leaves]);
  const files = useMemo(() => {
    const m = new Map<string, SheetEvidence[]>();
    for (const f of sheet.evidence) m.set(f.nodeId, [...(m.get(f.nodeId) ?? []), f]);
    return m;
  }, [sheet.evidence]);
  const used = stagesUsed(view);
  const hasSurvey = view.leaves.some((l) => l.method === 'survey');
  const { round, canScore, canAnswer } = view.permissions;
  const canAddEvidence = sheet.permissions.canAddEvidence ?? sheet.permissions.canEdit;
  const answering = (id: string) => canAnswer && p.asked.has(id);
  const showRound2 = used.appraisal2 || used.explanation;
  // Highlighted: the leaves named in the request (none when the whole sheet was asked about).
  const named = new Set(view.explanation.nodeIds);

  const total = (stage: keyof Appraisal['totals'], node: CriterionNode) => (
    <Typography.Text strong>{fmt(view.totals[stage].totals[node.id] ?? 0)}</Typography.Text>
  );

  const title = (node: CriterionNode) => {
    if (!isLeaf(node))
      return (
        <Typography.Text strong>
          {node.code}. {node.title}
        </Typography.Text>
      );
    const leaf = leaves.get(node.id);
    return (
      <Flex vertical gap={2}>
        <Typography.Text>
          <strong>{node.code}.</strong> {node.title}
        </Typography.Text>
        <Flex gap={4} wrap>
          {named.has(node.id) && (
            <Tag color="orange" style={{ fontSize: 11 }}>
              Cần giải trình
            </Tag>
          )}
          {leaf?.needsRescore ? (
            <Tooltip title="Điểm thẩm định lần 1 chấm trước khi phiếu được trả lại và nộp lại; đơn vị đã sửa điểm tự chấm mục này nên cần chấm lại.">
              <Tag color="volcano" style={{ fontSize: 11 }} data-testid="needs-rescore">
                Cần chấm lại
              </Tag>
            </Tooltip>
          ) : (
            p.unscored.has(node.id) && (
              <Tag color="warning" style={{ fontSize: 11 }}>
                Chưa thẩm định
              </Tag>
            )
          )}
          {leaf && !leaf.appraised && <Tag style={{ fontSize: 11 }}>Theo khảo sát</Tag>}
        </Flex>
      </Flex>
    );
  };

  const self = (node: CriterionNode) => {
    if (!isLeaf(node)) return total('self', node);
    const leaf = leaves.get(node.id);
    const list = files.get(node.id) ?? [];
    return (
      <Flex vertical gap={2}>
        <StageValue cell={leaf?.self ?? null} />
        {list.length > 0 && !answering(node.id) && (
          <EvidenceList sheetId={sheet.id} node={node} files={list} editable={false} />
        )}
      </Flex>
    );
  };

  const appraisal = (r: AppraisalRound) => (node: CriterionNode) => {
    const stage = r === 1 ? 'appraisal1' : 'appraisal2';
    // Round 2 sums as it stands: leaves not scored again keep their round-1 points.
    if (!isLeaf(node))
      return r === 1
        ? used.appraisal1
          ? total('appraisal1', node)
          : null
        : used.appraisal2 || round === 2
          ? total('final', node)
          : null;
    const leaf = leaves.get(node.id);
    if (!leaf) return null;
    if (canScore && round === r && leaf.appraised)
      return (
        <Flex vertical gap={2}>
          {r === 1 && <StaleNote stale={leaf.appraisal1?.stale} rescore={leaf.needsRescore} />}
          <AppraisalLeafEditor
            sheetId={sheet.id}
            node={node}
            leaf={leaf}
            round={r}
            draft={p.drafts[node.id]}
            onDraft={(d) => p.onDraft(node.id, d)}
          />
        </Flex>
      );
    if (!leaf.appraised) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <Flex vertical gap={2}>
        <StageValue cell={leaf[stage]} />
        {r === 1 && <StaleNote stale={leaf.appraisal1?.stale} rescore={leaf.needsRescore} />}
      </Flex>
    );
  };

  const explanation = (node: CriterionNode) => {
    if (!isLeaf(node)) return null;
    const leaf = leaves.get(node.id);
    if (!leaf) return null;
    if (answering(node.id))
      return (
        <Flex vertical gap={4}>
          <ExplanationEditor
            sheetId={sheet.id}
            leaf={leaf}
            draft={p.answers[node.id]}
            onDraft={(n) => p.onAnswer(node.id, n)}
          />
          <EvidenceList
            sheetId={sheet.id}
            node={node}
            files={files.get(node.id) ?? []}
            editable={canAddEvidence}
          />
        </Flex>
      );
    return leaf.explanation ? (
      <StageValue cell={leaf.explanation} points={false} />
    ) : p.asked.has(node.id) ? (
      <Typography.Text type="warning" style={{ fontSize: 12 }}>
        Chưa giải trình
      </Typography.Text>
    ) : null;
  };

  const survey = (node: CriterionNode) => {
    const leaf = leaves.get(node.id);
    if (!isLeaf(node) || !leaf || leaf.appraised) return null;
    return <StageValue cell={leaf.survey} />;
  };

  const diff = (node: CriterionNode) => {
    const leaf = leaves.get(node.id);
    if (!isLeaf(node) || !leaf || (leaf.diff1 === null && leaf.diff2 === null)) return null;
    return (
      <Flex vertical gap={0} align={mobile ? 'flex-start' : 'flex-end'}>
        <DiffText value={leaf.diff1} label={showRound2 ? 'L1' : undefined} />
        <DiffText value={leaf.diff2} label="L2" />
      </Flex>
    );
  };

  type Col = { key: string; title: string; width: number; render: (n: CriterionNode) => ReactNode };
  const editing = (r: AppraisalRound) => canScore && round === r;
  const cols: Col[] = [
    { key: 'self', title: 'Tự chấm', width: 150, render: self },
    {
      key: 'a1',
      title: 'Thẩm định lần 1',
      width: editing(1) ? 240 : 160,
      render: appraisal(1),
    },
    ...(used.explanation
      ? [{ key: 'x', title: 'Giải trình', width: canAnswer ? 260 : 200, render: explanation }]
      : []),
    ...(showRound2
      ? [
          {
            key: 'a2',
            title: 'Thẩm định lần 2',
            width: editing(2) ? 240 : 160,
            render: appraisal(2),
          },
        ]
      : []),
    ...(hasSurvey ? [{ key: 'survey', title: 'Khảo sát', width: 90, render: survey }] : []),
    { key: 'diff', title: 'Chênh lệch', width: 100, render: diff },
  ];

  const columns: TableColumnsType<Row> = mobile
    ? [
        {
          title: 'Tiêu chí, điểm từng bước',
          key: 'all',
          render: (_: unknown, { node }) => (
            <Flex vertical gap={6}>
              {title(node)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Tối đa {fmt(node.maxPoints)} điểm
              </Typography.Text>
              {cols.map((c) => {
                const body = c.render(node);
                return body === null ? null : (
                  <Flex key={c.key} gap={8} align="baseline">
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12, width: 96, flex: 'none' }}
                    >
                      {c.title}
                    </Typography.Text>
                    <div style={{ flex: 1, minWidth: 0 }}>{body}</div>
                  </Flex>
                );
              })}
            </Flex>
          ),
        },
      ]
    : [
        {
          title: 'Tiêu chí',
          key: 'title',
          fixed: 'left',
          width: 300,
          // A fixed cell paints its own background: give it the row's highlight.
          onCell: (r: Row) => ({ style: rowStyle(r.key) }),
          render: (_: unknown, { node }) => title(node),
        },
        {
          title: 'Tối đa',
          key: 'max',
          width: 64,
          align: 'right',
          render: (_: unknown, { node }) => fmt(node.maxPoints),
        },
        ...cols.map((c) => ({
          title: c.title,
          key: c.key,
          width: c.width,
          align: c.key === 'diff' ? ('right' as const) : undefined,
          render: (_: unknown, { node }: Row) => c.render(node),
        })),
      ];

  const rowStyle = (key: string) =>
    key === p.focused
      ? { background: '#e6f4ff' }
      : named.has(key)
        ? { background: '#fff7e6' }
        : undefined;
  const scrollX = 364 + cols.reduce((n, c) => n + c.width, 0);
  return (
    <Table<Row>
      size="small"
      bordered
      rowKey="key"
      dataSource={p.rows}
      columns={columns}
      pagination={false}
      scroll={mobile ? undefined : { x: scrollX }}
      sticky={mobile ? undefined : { offsetHeader: 64 }}
      data-testid="appraisal-table"
      onRow={(r) => ({ id: appraisalRowId(r.key), style: rowStyle(r.key) })}
      expandable={{
        expandedRowKeys: p.expanded,
        onExpandedRowsChange: (keys) => p.setExpanded(keys),
        indentSize: mobile ? 8 : 16,
      }}
      locale={{ emptyText: 'Không có mục nào khớp bộ lọc' }}
    />
  );
}
