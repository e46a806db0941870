import { useEffect, useRef, useState } from 'react';
import type { Key } from 'react';
import { Alert, App, Button, Descriptions, Flex, Result, Spin } from 'antd';
import { Link, useBlocker, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import type { CriterionNode } from '../../../shared/criteria';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { useIsMobile } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { useCriteriaVersion } from './criteria.api';
import { parentIds } from './criteria-tree';
import { ReturnButton, SubmitButton, SubmitProblems } from './sheet-actions';
import { DeadlineText, SheetStatusTag, SheetSummary } from './sheet-summary';
import { leafRowId, SheetTable } from './sheet-table';
import type { Drafts } from './sheet-table';
import { useScoreSheet } from './sheet.api';

/** /score-sheets/:sheetId: a unit's self-assessment against the plan's criteria. */
export default function ScoreSheetPage() {
  const { sheetId } = useParams();
  return <SheetView key={sheetId} id={sheetId ?? ''} />;
}

/** The ids of the node's ancestors (to expand them), or null when it is not in the tree. */
function pathTo(nodes: readonly CriterionNode[], id: string): string[] | null {
  for (const n of nodes) {
    if (n.id === id) return [];
    const below = pathTo(n.children, id);
    if (below) return [n.id, ...below];
  }
  return null;
}

/** Asks before leaving the page (another route, reload, closing the tab) with unsaved leaves. */
function useUnsavedGuard(count: number) {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      count > 0 && currentLocation.pathname !== nextLocation.pathname,
  );
  const current = useRef(blocker);
  current.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: 'Rời trang khi chưa lưu?',
      content: `Còn ${count} tiêu chí có số liệu hoặc giải trình chưa lưu; các thay đổi này sẽ mất.`,
      okText: 'Rời trang',
      okButtonProps: { danger: true },
      cancelText: 'Ở lại',
      onOk: () => current.current.proceed?.(),
      onCancel: () => current.current.reset?.(),
    });
  }, [blocker.state, modal, count]);
  useEffect(() => {
    if (count === 0) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [count]);
}

function SheetView({ id }: { id: string }) {
  const query = useScoreSheet(id);
  const sheet = query.data;
  const criteria = useCriteriaVersion(sheet?.criteriaVersionId);
  const mobile = useIsMobile();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [focused, setFocused] = useState<string | null>(null);
  const unsaved = Object.keys(drafts).length;
  useUnsavedGuard(unsaved);

  if (query.error) {
    if (isApiError(query.error, 'NOT_FOUND'))
      return (
        <Result
          status="404"
          title={query.error.message}
          extra={<Link to="/registrations">Về danh sách đăng ký thi đua</Link>}
        />
      );
    return <ErrorAlert error={query.error} />;
  }
  if (!sheet) return <Spin description="Đang tải…" />;

  const keys = expanded ?? parentIds(sheet.tree.fields);
  const jump = (nodeId: string) => {
    const path = pathTo(sheet.tree.fields, nodeId);
    if (path === null) return;
    setExpanded([...new Set([...keys, ...path])]);
    setFocused(nodeId);
    window.setTimeout(() => {
      const el = document.getElementById(leafRowId(nodeId));
      el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      el?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
    }, 50);
  };
  const v = criteria.data;
  const criteriaName = v ? `${v.set.name} — phiên bản ${v.number}` : `#${sheet.criteriaVersionId}`;
  const done = sheet.status !== 'self_draft' && sheet.status !== 'returned';

  return (
    <>
      <PageHeader
        title={`Tự đánh giá: ${sheet.unitName}`}
        subtitle={sheet.planTitle}
        breadcrumb={[
          { title: 'Kế hoạch thi đua', to: '/plans' },
          { title: sheet.planTitle, to: `/plans/${sheet.planId}` },
          { title: 'Phiếu tự chấm điểm' },
        ]}
        extra={
          <>
            {sheet.permissions.canSubmit && (
              <SubmitButton sheet={sheet} unsaved={unsaved} onProblems={setProblems} />
            )}
            {sheet.permissions.canReturn && <ReturnButton sheet={sheet} />}
          </>
        }
      />
      <Descriptions
        size="small"
        bordered
        column={mobile ? 1 : 2}
        style={{ marginBottom: 16 }}
        styles={{ label: { width: mobile ? 120 : 170 } }}
        items={[
          { key: 'unit', label: 'Đơn vị', children: sheet.unitName },
          {
            key: 'status',
            label: 'Trạng thái',
            children: <SheetStatusTag status={sheet.status} />,
          },
          {
            key: 'plan',
            label: 'Kế hoạch',
            children: <Link to={`/plans/${sheet.planId}`}>{sheet.planTitle}</Link>,
          },
          {
            key: 'criteria',
            label: 'Bộ tiêu chí',
            children: <Link to={`/criteria/${sheet.criteriaVersionId}`}>{criteriaName}</Link>,
          },
          {
            key: 'deadline',
            label: 'Hạn nộp tự chấm',
            children: <DeadlineText deadline={sheet.assessmentDeadline} done={done} />,
          },
          ...(sheet.submittedAt
            ? [{ key: 'sub', label: 'Nộp lúc', children: formatDateTime(sheet.submittedAt) }]
            : []),
        ]}
      />
      {sheet.status === 'returned' && sheet.returnedReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Phiếu bị trả lại để bổ sung, chỉnh sửa"
          description={`Lý do: ${sheet.returnedReason}`}
        />
      )}
      {!sheet.permissions.canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            done
              ? 'Phiếu đã nộp nên chỉ xem; chỉ sửa được khi cơ quan ban hành trả lại.'
              : 'Bạn chỉ có quyền xem phiếu này.'
          }
        />
      )}
      {problems.length > 0 && (
        <SubmitProblems fields={problems} onJump={jump} onClose={() => setProblems([])} />
      )}
      <SheetSummary sheet={sheet} compact={mobile} />
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setExpanded(parentIds(sheet.tree.fields))}>
          Mở rộng tất cả
        </Button>
        <Button size="small" onClick={() => setExpanded([])}>
          Chỉ hiện lĩnh vực
        </Button>
        {sheet.permissions.canEdit && sheet.self.missing.length > 0 && (
          <Button size="small" onClick={() => jump(sheet.self.missing[0]?.nodeId ?? '')}>
            Đến mục chưa chấm đầu tiên
          </Button>
        )}
      </Flex>
      <SheetTable
        sheet={sheet}
        drafts={drafts}
        setDrafts={setDrafts}
        expanded={keys}
        setExpanded={setExpanded}
        focused={focused}
        mobile={mobile}
      />
    </>
  );
}
