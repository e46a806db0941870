import { useMemo } from 'react';
import type { Dispatch, Key, SetStateAction } from 'react';
import { App, Button, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client';
import type { CriterionNode } from '../../../shared/criteria';
import { fmt, isLeaf } from './criteria-tree';
import { toRows } from './criteria-tree-columns';
import type { Row } from './criteria-tree-columns';
import { EvidenceList } from './sheet-evidence';
import { hasFigure, LeafInputWidget, LeafTitle, NoteBox } from './sheet-leaf';
import type { LeafDraft } from './sheet-leaf';
import { entryInput, useSaveSelfEntry } from './sheet.api';
import type { ScoreSheet, SheetEntry, SheetEvidence } from './sheet.api';

/** The score sheet's tree as an expandable table; each leaf is scored and saved on its own row. */

export type Drafts = Record<string, LeafDraft>;

export const leafRowId = (nodeId: string) => `sheet-leaf-${nodeId}`;

type Props = {
  sheet: ScoreSheet;
  drafts: Drafts;
  setDrafts: Dispatch<SetStateAction<Drafts>>;
  expanded: readonly Key[];
  setExpanded: (keys: readonly Key[]) => void;
  /** The leaf the user jumped to from the problem list, highlighted. */
  focused: string | null;
  mobile: boolean;
};

export function SheetTable({
  sheet,
  drafts,
  setDrafts,
  expanded,
  setExpanded,
  focused,
  mobile,
}: Props) {
  const { message } = App.useApp();
  const save = useSaveSelfEntry(sheet.id);
  const rows = useMemo(() => toRows(sheet.tree.fields), [sheet.tree]);
  const editable = sheet.permissions.canEdit;

  const lookup = useMemo(() => {
    const entries = new Map<string, SheetEntry>();
    for (const e of sheet.entries) if (e.stage === 'self') entries.set(e.nodeId, e);
    const files = new Map<string, SheetEvidence[]>();
    for (const f of sheet.evidence) files.set(f.nodeId, [...(files.get(f.nodeId) ?? []), f]);
    const lacking = new Set(
      sheet.problems.filter((p) => p.message.includes('kiểm chứng')).map((p) => p.nodeId),
    );
    const unscored = new Set(sheet.self.missing.map((m) => m.nodeId));
    return { entries, files, lacking, unscored };
  }, [sheet]);

  const current = (node: CriterionNode): LeafDraft => {
    const d = drafts[node.id];
    if (d) return d;
    const e = lookup.entries.get(node.id);
    return { input: entryInput(e), note: e?.note ?? '' };
  };
  const edit = (node: CriterionNode, patch: Partial<LeafDraft>) =>
    setDrafts((all) => ({ ...all, [node.id]: { ...current(node), ...patch } }));
  const discard = (nodeId: string) =>
    setDrafts((all) => {
      const next = { ...all };
      delete next[nodeId];
      return next;
    });

  const saveLeaf = (node: CriterionNode) => {
    const d = drafts[node.id];
    if (!d) return;
    const entry = lookup.entries.get(node.id);
    const note = d.note.trim();
    save.mutate(
      {
        nodeId: node.id,
        input: hasFigure(node.scoring, d.input) ? d.input : {},
        note: note === '' ? null : note,
        version: entry?.version ?? 0,
      },
      {
        onSuccess: () => {
          discard(node.id);
          void message.success(`Đã lưu mục ${node.code}.`);
        },
        onError: (e) => {
          if (isApiError(e, 'CONFLICT')) {
            discard(node.id);
            void message.warning({
              content: `Mục ${node.code} vừa được người khác lưu; đã tải lại số liệu mới nhất, vui lòng kiểm tra và nhập lại nếu cần.`,
              duration: 8,
            });
          } else void message.error({ content: e.message, duration: 8 });
        },
      },
    );
  };

  const saving = (node: CriterionNode) => save.isPending && save.variables?.nodeId === node.id;
  const selfScored = (node: CriterionNode) => node.scoring?.method !== 'survey';

  const title = (node: CriterionNode) =>
    isLeaf(node) ? (
      <LeafTitle
        node={node}
        lacksEvidence={lookup.lacking.has(node.id) && !drafts[node.id]?.note.trim()}
        unscored={lookup.unscored.has(node.id) && selfScored(node)}
      />
    ) : (
      <Typography.Text strong>
        {node.code}. {node.title}
      </Typography.Text>
    );

  const widget = (node: CriterionNode) =>
    isLeaf(node) ? (
      <LeafInputWidget
        node={node}
        value={current(node).input}
        disabled={!editable}
        onChange={(input) => edit(node, { input })}
      />
    ) : null;

  const points = (node: CriterionNode) => {
    const got = isLeaf(node)
      ? (lookup.entries.get(node.id)?.points ?? null)
      : (sheet.self.totals[node.id] ?? 0);
    return (
      <Flex vertical gap={0} align={mobile ? 'flex-start' : 'flex-end'}>
        <Typography.Text strong={!isLeaf(node)}>{got === null ? '—' : fmt(got)}</Typography.Text>
        {drafts[node.id] && (
          <Typography.Text type="warning" style={{ fontSize: 11 }}>
            chưa lưu
          </Typography.Text>
        )}
      </Flex>
    );
  };

  const notes = (node: CriterionNode) =>
    isLeaf(node) && selfScored(node) ? (
      <Flex vertical gap={4}>
        <NoteBox
          node={node}
          value={current(node).note}
          disabled={!editable}
          onChange={(note) => edit(node, { note })}
        />
        <EvidenceList
          sheetId={sheet.id}
          node={node}
          files={lookup.files.get(node.id) ?? []}
          editable={editable}
        />
      </Flex>
    ) : null;

  const saveButton = (node: CriterionNode) =>
    editable && isLeaf(node) && selfScored(node) ? (
      <Flex gap={4} wrap>
        <Button
          size="small"
          type={drafts[node.id] ? 'primary' : 'default'}
          icon={<SaveOutlined />}
          disabled={!drafts[node.id]}
          loading={saving(node)}
          onClick={() => saveLeaf(node)}
          aria-label={`Lưu mục ${node.code}`}
        >
          Lưu
        </Button>
        {drafts[node.id] && (
          <Button size="small" type="text" onClick={() => discard(node.id)}>
            Hoàn tác
          </Button>
        )}
      </Flex>
    ) : null;

  const columns: TableColumnsType<Row> = mobile
    ? [
        {
          title: 'Tiêu chí và tự chấm',
          key: 'all',
          render: (_: unknown, { node }) => (
            <Flex vertical gap={6}>
              {title(node)}
              <Flex gap={6} align="baseline" style={{ fontSize: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  Tối đa {fmt(node.maxPoints)} điểm · Tự chấm:
                </Typography.Text>
                {points(node)}
              </Flex>
              {widget(node)}
              {notes(node)}
              {saveButton(node)}
            </Flex>
          ),
        },
      ]
    : [
        { title: 'Tiêu chí', key: 'title', render: (_: unknown, { node }) => title(node) },
        {
          title: 'Tối đa',
          key: 'max',
          width: 70,
          align: 'right',
          render: (_: unknown, { node }) => fmt(node.maxPoints),
        },
        {
          title: 'Số liệu tự chấm',
          key: 'input',
          width: 190,
          render: (_: unknown, { node }) => widget(node),
        },
        {
          title: 'Điểm',
          key: 'points',
          width: 70,
          align: 'right',
          render: (_: unknown, { node }) => points(node),
        },
        {
          title: 'Giải trình, tài liệu kiểm chứng',
          key: 'notes',
          width: 260,
          render: (_: unknown, { node }) => notes(node),
        },
        ...(editable
          ? [
              {
                title: '',
                key: 'save',
                width: 90,
                render: (_: unknown, { node }: Row) => saveButton(node),
              },
            ]
          : []),
      ];

  return (
    <Table<Row>
      size="small"
      bordered
      rowKey="key"
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={mobile ? undefined : { x: 1000 }}
      onRow={(r) => ({
        id: leafRowId(r.key),
        style: r.key === focused ? { background: '#fffbe6' } : undefined,
      })}
      expandable={{
        expandedRowKeys: expanded,
        onExpandedRowsChange: (keys) => setExpanded(keys),
        indentSize: mobile ? 8 : 16,
      }}
    />
  );
}
