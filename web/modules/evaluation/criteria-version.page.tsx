import { useState } from 'react';
import { Alert, App, Button, Card, Flex, InputNumber, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { CriteriaTree } from '../../../shared/criteria';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useCriteriaVersion, useSaveCriteriaTree } from './criteria.api';
import type { CriteriaVersion } from './criteria.api';
import { CriteriaStatusTag, EXAMPLE_NOTICE } from './criteria-labels';
import { CriteriaTreeTable } from './criteria-tree-table';
import { CriteriaVersionActions } from './criteria-version-actions';
import { useUnsavedCriteriaGuard } from './unsaved';

/** /criteria/:versionId: one version's tree; a draft's managers edit it here. */
export default function CriteriaVersionPage() {
  const { versionId } = useParams();
  return <VersionView key={versionId} id={versionId ?? ''} />;
}

/** Why the server refused a tree: one line per problem (validateTree), else the message. */
function problemsOf(e: unknown): string[] | null {
  if (!isApiError(e, 'VALIDATION_FAILED')) return null;
  // "1.1: Mục 1.1: …" → "Mục 1.1: …" (the server prefixes the code the message already names).
  const lines = e.fields.map((f) => f.message.replace(/^(\S+): (Mục \1:)/, '$2'));
  return lines.length > 0 ? lines : [e.message];
}

function VersionView({ id }: { id: string }) {
  const query = useCriteriaVersion(id);
  const save = useSaveCriteriaTree();
  const { message } = App.useApp();
  // Local edits of a draft; null = showing what the server has.
  const [draft, setDraft] = useState<CriteriaTree | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  useUnsavedCriteriaGuard(draft !== null);

  if (query.error) {
    if (isApiError(query.error, 'NOT_FOUND'))
      return (
        <Result
          status="404"
          title={query.error.message}
          extra={<Link to="/criteria">Về danh sách bộ tiêu chí</Link>}
        />
      );
    return <ErrorAlert error={query.error} />;
  }
  const v = query.data;
  if (!v) return <Spin description="Đang tải…" />;
  const tree = draft ?? v.tree;
  const editable = v.permissions.canEdit;

  const clearErrors = () => {
    setProblems(null);
    setFailure(null);
    setConflict(null);
  };
  const onReplaced = (_next: CriteriaVersion) => {
    clearErrors();
    setDraft(null);
  };
  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT')) setConflict(e.message);
    else {
      const lines = problemsOf(e);
      if (lines) setProblems(lines);
      else setFailure(e);
    }
  };
  const onSave = () => {
    clearErrors();
    save.mutate(
      { id: v.id, version: v.version, tree },
      {
        onSuccess: () => {
          setDraft(null);
          void message.success('Đã lưu bộ tiêu chí.');
        },
        onError,
      },
    );
  };
  const reload = () => {
    clearErrors();
    setDraft(null);
    void query.refetch();
  };

  const owner = v.set.isExample ? 'Mẫu minh họa' : (v.set.ownerUnit?.name ?? '');
  return (
    <>
      <PageHeader
        title={v.set.name}
        subtitle={
          <Flex gap={8} wrap align="center" component="span">
            <CriteriaStatusTag status={v.status} />
            <span>
              {owner} · Phiên bản {v.number} · {v.leafCount} tiêu chí cuối · {v.maxTotal} điểm
              {v.publishedAt ? ` · ban hành ngày ${formatDate(v.publishedAt)}` : ''}
            </span>
          </Flex>
        }
        breadcrumb={[{ title: 'Bộ tiêu chí', to: '/criteria' }, { title: `Phiên bản ${v.number}` }]}
        extra={
          <CriteriaVersionActions
            v={v}
            dirty={draft !== null}
            saving={save.isPending}
            onSave={onSave}
            onDiscard={reload}
            onReplaced={onReplaced}
            onError={onError}
          />
        }
      />
      {v.set.isExample && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={EXAMPLE_NOTICE}
          description="Bộ mẫu không phải văn bản chính thức và không sửa được. Bấm “Tạo bộ tiêu chí từ mẫu” để sao chép thành bộ tiêu chí của đơn vị, rồi sửa theo quyết định của tỉnh."
        />
      )}
      {v.set.description && (
        <Typography.Paragraph type="secondary">{v.set.description}</Typography.Paragraph>
      )}
      {v.status === 'published' && !v.set.isExample && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            v.permissions.canCopy
              ? 'Phiên bản đã ban hành không sửa được. Muốn thay đổi, hãy tạo phiên bản mới; các kế hoạch đang dùng phiên bản này không bị ảnh hưởng.'
              : 'Phiên bản đã ban hành, không sửa được.'
          }
        />
      )}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={conflict}
          action={
            <Button size="small" onClick={reload}>
              Tải lại bản mới nhất
            </Button>
          }
          description="Tải lại sẽ bỏ các thay đổi chưa lưu trên màn hình này."
        />
      )}
      {problems && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => setProblems(null) }}
          style={{ marginBottom: 16 }}
          title="Cây tiêu chí chưa hợp lệ — chưa lưu được"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <ErrorAlert error={failure} />
      <Card size="small">
        {editable && (
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
            <label htmlFor="criteria-max-total">Tổng điểm của bộ tiêu chí</label>
            <InputNumber
              id="criteria-max-total"
              min={1}
              max={10000}
              value={tree.maxTotal}
              onChange={(n) => {
                if (typeof n === 'number' && n > 0) setDraft({ ...tree, maxTotal: n });
              }}
            />
            {draft !== null && (
              <Typography.Text type="warning">Có thay đổi chưa lưu.</Typography.Text>
            )}
          </Flex>
        )}
        <CriteriaTreeTable tree={tree} onChange={editable ? setDraft : undefined} />
      </Card>
    </>
  );
}
