import { useEffect, useRef, useState } from 'react';
import type { Key } from 'react';
import { Alert, App, Button, Descriptions, Flex, Result, Spin, Tabs } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useBlocker, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { useIsMobile } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { useCriteriaVersion } from './criteria.api';
import { parentIds, pathTo, revealLeafRow } from './criteria-tree';
import { ReturnButton, SubmitButton, SubmitProblems } from './sheet-actions';
import { DeadlineText, SheetStatusTag, SheetSummary } from './sheet-summary';
import { leafRowId, SheetTable } from './sheet-table';
import type { Drafts } from './sheet-table';
import { isSelfStage, sheetDocxUrl, sheetXlsxUrl, useScoreSheet } from './sheet.api';
import type { ScoreSheet } from './sheet.api';
import { useAppraisal } from './appraisal.api';
import type { Appraisal } from './appraisal.api';
import type { AppraisalDraft, AppraisalDrafts } from './appraisal-leaf-editor';
import { AppraisalView } from './appraisal-view';
import { SelfImportButtons } from './self-import';

/**
 * /score-sheets/:sheetId: a unit's self-assessment against the plan's criteria and, once it is
 * submitted, its appraisal (thẩm định) and explanation (giải trình) side by side.
 */
export default function ScoreSheetPage() {
  const { sheetId } = useParams();
  return <SheetView key={sheetId} id={sheetId ?? ''} />;
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

/** Puts a key in a record of drafts, or removes it (null). */
function setKey<T>(set: (f: (all: Record<string, T>) => Record<string, T>) => void) {
  return (key: string, value: T | null) =>
    set((all) => {
      const next = { ...all };
      if (value === null) delete next[key];
      else next[key] = value;
      return next;
    });
}

/** The page's title by the sheet's stage and what the user does on it. */
function pageTitle(sheet: ScoreSheet, view: Appraisal | undefined): string {
  const p = view?.permissions;
  if (isSelfStage(sheet.status)) return `Tự đánh giá: ${sheet.unitName}`;
  if (p && (p.canScore || p.canRequestExplanation || p.canComplete))
    return `Thẩm định: ${sheet.unitName}`;
  if (sheet.status === 'explaining') return `Giải trình: ${sheet.unitName}`;
  if (sheet.status === 'appraised' || sheet.status === 'published')
    return `Kết quả thẩm định: ${sheet.unitName}`;
  return `Phiếu chấm điểm: ${sheet.unitName}`;
}

type Tab = 'self' | 'appraisal';

function SheetView({ id }: { id: string }) {
  const query = useScoreSheet(id);
  const sheet = query.data;
  const past = sheet !== undefined && !isSelfStage(sheet.status);
  const appraisal = useAppraisal(id, past);
  const view = past ? appraisal.data : undefined;
  const criteria = useCriteriaVersion(sheet?.criteriaVersionId);
  const mobile = useIsMobile();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [appraisals, setAppraisals] = useState<AppraisalDrafts>({});
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [tab, setTab] = useState<Tab | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [focused, setFocused] = useState<string | null>(null);
  const unsaved =
    Object.keys(drafts).length + Object.keys(appraisals).length + Object.keys(answers).length;
  useUnsavedGuard(unsaved);
  const title = sheet ? pageTitle(sheet, view) : null;
  useEffect(() => {
    if (title) document.title = `${title} — ThiĐua`;
  }, [title]);

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
    setTab('self');
    setExpanded([...new Set([...keys, ...path])]);
    setFocused(nodeId);
    revealLeafRow(leafRowId(nodeId));
  };
  const v = criteria.data;
  const criteriaName = v ? `${v.set.name} — phiên bản ${v.number}` : `#${sheet.criteriaVersionId}`;
  const done = !isSelfStage(sheet.status);
  const published = sheet.resultsPublished === true || view?.resultsPublished === true;
  const active: Tab = past ? (tab ?? 'appraisal') : 'self';

  const selfTab = (
    <>
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

  const appraisalTab = view ? (
    <AppraisalView
      sheet={sheet}
      view={view}
      mobile={mobile}
      unsaved={unsaved}
      drafts={appraisals}
      onDraft={setKey<AppraisalDraft>(setAppraisals)}
      answers={answers}
      onAnswer={setKey<string>(setAnswers)}
    />
  ) : appraisal.error ? (
    <ErrorAlert error={appraisal.error} />
  ) : (
    <Spin description="Đang tải bảng thẩm định…" />
  );

  return (
    <>
      <PageHeader
        title={title}
        subtitle={sheet.planTitle}
        breadcrumb={[
          { title: 'Kế hoạch thi đua', to: '/plans' },
          { title: sheet.planTitle, to: `/plans/${sheet.planId}` },
          { title: 'Phiếu chấm điểm' },
        ]}
        extra={
          <>
            {sheet.permissions.canEdit && <SelfImportButtons sheet={sheet} unsaved={unsaved} />}
            <Button
              icon={<FileExcelOutlined />}
              href={sheetXlsxUrl(sheet.id)}
              download
              aria-label="Xuất phiếu chấm điểm ra Excel"
            >
              Xuất Excel
            </Button>
            <Button
              icon={<FileWordOutlined />}
              href={sheetDocxUrl(sheet.id)}
              download
              aria-label="Tải bản in phiếu chấm điểm (.docx)"
            >
              Tải bản in (.docx)
            </Button>
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
      {published && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Kết quả đã công bố; phiếu đã khóa."
          data-testid="results-published"
        />
      )}
      {sheet.status === 'returned' && sheet.returnedReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Phiếu bị trả lại để bổ sung, chỉnh sửa"
          description={`Lý do: ${sheet.returnedReason}`}
        />
      )}
      {past ? (
        <Tabs
          activeKey={active}
          onChange={(k) => setTab(k === 'self' ? 'self' : 'appraisal')}
          destroyOnHidden
          items={[
            { key: 'self', label: 'Tự chấm', children: selfTab },
            { key: 'appraisal', label: 'Thẩm định & giải trình', children: appraisalTab },
          ]}
        />
      ) : (
        selfTab
      )}
    </>
  );
}
