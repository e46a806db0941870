import { useMemo, useState } from 'react';
import type { Key } from 'react';
import { Alert, Button, Checkbox, Flex, Typography } from 'antd';
import type { FieldError } from '../../api/client';
import type { CriterionNode } from '../../../shared/criteria';
import { formatDateTime } from '../../ui/format';
import { parentIds, pathTo, revealLeafRow } from './criteria-tree';
import { toRows } from './criteria-tree-columns';
import { SubmitProblems } from './sheet-actions';
import type { ScoreSheet } from './sheet.api';
import {
  AcceptSelfButton,
  CompleteAppraisalButton,
  RequestExplanationButton,
} from './appraisal-actions';
import type { AppraisalDraft, AppraisalDrafts } from './appraisal-leaf-editor';
import { AppraisalSummary, unappraised } from './appraisal-summary';
import { appraisalRowId, AppraisalTable } from './appraisal-table';
import { askedLeaves, ExplanationRequestAlert, SubmitExplanationButton } from './explanation-panel';
import type { Appraisal, ComparedLeaf } from './appraisal.api';

/** The "Thẩm định & giải trình" tab: the request, the actions, the totals and the table. */

/** The tree cut down to the leaves kept and their ancestors. */
function pruneTree(
  nodes: readonly CriterionNode[],
  keep: (id: string) => boolean,
): CriterionNode[] {
  return nodes.flatMap((n) => {
    if (n.children.length === 0) return keep(n.id) ? [n] : [];
    const children = pruneTree(n.children, keep);
    return children.length > 0 ? [{ ...n, children }] : [];
  });
}

const differs = (l: ComparedLeaf) => (l.diff1 ?? 0) !== 0 || (l.diff2 ?? 0) !== 0;

type Props = {
  sheet: ScoreSheet;
  view: Appraisal;
  mobile: boolean;
  drafts: AppraisalDrafts;
  onDraft: (nodeId: string, draft: AppraisalDraft | null) => void;
  answers: Record<string, string>;
  onAnswer: (nodeId: string, note: string | null) => void;
  /** Unsaved edits on the page (appraisals and answers). */
  unsaved: number;
};

export function AppraisalView({ sheet, view, mobile, unsaved, ...edits }: Props) {
  const [onlyDiff, setOnlyDiff] = useState(false);
  const [onlyAsked, setOnlyAsked] = useState(false);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const asked = useMemo(() => askedLeaves(view), [view]);
  const missing = useMemo(() => unappraised(view), [view]);
  const unscored = useMemo(() => new Set(missing.map((l) => l.nodeId)), [missing]);
  const p = view.permissions;

  const filtering = onlyDiff || onlyAsked;
  const tree = useMemo(() => {
    if (!filtering) return sheet.tree.fields;
    const byId = new Map(view.leaves.map((l) => [l.nodeId, l]));
    return pruneTree(sheet.tree.fields, (id) => {
      const l = byId.get(id);
      return !!l && (!onlyDiff || differs(l)) && (!onlyAsked || asked.has(id));
    });
  }, [filtering, onlyDiff, onlyAsked, sheet.tree, view.leaves, asked]);
  const rows = useMemo(() => toRows(tree), [tree]);
  const keys = filtering ? parentIds(tree) : (expanded ?? parentIds(sheet.tree.fields));

  const jump = (nodeId: string) => {
    const path = pathTo(sheet.tree.fields, nodeId);
    if (path === null) return;
    setOnlyDiff(false);
    setOnlyAsked(false);
    setExpanded([...new Set([...(expanded ?? parentIds(sheet.tree.fields)), ...path])]);
    setFocused(nodeId);
    revealLeafRow(appraisalRowId(nodeId));
  };
  // The server names leaves by code in these refusals; the self-assessment's by id.
  const jumpField = (field: string) =>
    jump(view.leaves.find((l) => l.code === field || l.nodeId === field)?.nodeId ?? field);
  const actionProps = { view, unsaved, onProblems: setProblems };
  const appraising = p.canScore || p.canComplete || p.canRequestExplanation;

  return (
    <>
      <ExplanationRequestAlert view={view} onJump={jump} />
      {p.blockedReason && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="appraisal-blocked"
          title={p.blockedReason}
        />
      )}
      {view.status === 'appraised' && view.appraisedAt && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Đã kết thúc thẩm định lúc ${formatDateTime(view.appraisedAt)}`}
        />
      )}
      {problems.length > 0 && (
        <SubmitProblems
          fields={problems}
          onJump={jumpField}
          onClose={() => setProblems([])}
          title={(n) => `Chưa thực hiện được: còn ${n} mục cần xử lý`}
        />
      )}
      {(appraising || p.canSubmitExplanation) && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="appraisal-actions">
          {p.canScore && p.round === 1 && <AcceptSelfButton {...actionProps} />}
          {p.canRequestExplanation && <RequestExplanationButton {...actionProps} />}
          {p.canComplete && <CompleteAppraisalButton {...actionProps} />}
          {p.canSubmitExplanation && (
            <SubmitExplanationButton view={view} unsaved={unsaved} onProblems={setProblems} />
          )}
        </Flex>
      )}
      <AppraisalSummary view={view} maxTotal={sheet.tree.maxTotal} />
      {p.round !== null && appraising && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          {missing.length > 0 ? (
            <>
              <Typography.Text type="warning" data-testid="unappraised-count">
                Còn {missing.length} mục chưa thẩm định lần {p.round}
              </Typography.Text>
              <Button size="small" onClick={() => jump(missing[0]?.nodeId ?? '')}>
                Đến mục chưa thẩm định đầu tiên
              </Button>
            </>
          ) : (
            <Typography.Text type="success" data-testid="unappraised-count">
              Đã thẩm định đủ các mục{p.round === 2 ? ' (mục không chấm lại giữ điểm lần 1)' : ''}
            </Typography.Text>
          )}
        </Flex>
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Checkbox checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)}>
          Chỉ mục có chênh lệch
        </Checkbox>
        {view.explanation.requestedAt !== null && (
          <Checkbox checked={onlyAsked} onChange={(e) => setOnlyAsked(e.target.checked)}>
            Chỉ mục cần giải trình
          </Checkbox>
        )}
        {!filtering && (
          <>
            <Button size="small" onClick={() => setExpanded(parentIds(sheet.tree.fields))}>
              Mở rộng tất cả
            </Button>
            <Button size="small" onClick={() => setExpanded([])}>
              Chỉ hiện lĩnh vực
            </Button>
          </>
        )}
      </Flex>
      <AppraisalTable
        sheet={sheet}
        view={view}
        rows={rows}
        expanded={keys}
        setExpanded={setExpanded}
        asked={asked}
        unscored={unscored}
        focused={focused}
        mobile={mobile}
        {...edits}
      />
    </>
  );
}
