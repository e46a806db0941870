import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Dropdown,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PlusOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  deciderLabels,
  deciders,
  decisionStatusLabels,
  type DecisionDecider,
  type DecisionStatus,
} from '../../../shared/award-decisions';
import { deciderLabels as awardDeciderLabels } from '../../../shared/awards';
import { ErrorAlert } from '../../ui/error-alert';
import { useIsMobile } from '../../ui/hooks';
import { formatDate, formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { PersonPicker } from '../../ui/person-picker';
import { ReasonModal } from '../../ui/reason-modal';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { useCan } from '../../shell/current-user';
import { useAwardCatalogue } from '../awards/awards.api';
import { useCertificateTemplates } from '../certificates/certificates.api';
import {
  decisionFileUrls,
  useAddRows,
  useCreateDecision,
  useUpdateDecision,
  useDecision,
  useDecisions,
  useDeleteDecision,
  useFromNominations,
  useIssueDecision,
  useRemoveRows,
  useReplaceDecision,
  type AwardDecision,
  type DecisionRow,
  type DecisionSummary,
} from './award-decisions.api';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
const money = (n: number) => `${formatNumber(n)} đ`;
const statusColors: Record<DecisionStatus, string> = {
  draft: 'default',
  issued: 'green',
  cancelled: 'red',
  corrected: 'orange',
};
const deciderOptions = deciders.map((d) => ({ value: d, label: deciderLabels[d] }));

/**
 * Starts a draft (the issuing unit, who decides, title, date, funding source and signer), or
 * edits a draft's header when `decision` is given (the unit stays).
 */
function DecisionHeaderModal({
  decision,
  onClose,
}: {
  decision?: AwardDecision;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateDecision();
  const update = useUpdateDecision(decision?.id ?? 0);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [decider, setDecider] = useState<DecisionDecider>(decision?.decider ?? 'chairman');
  const [title, setTitle] = useState(
    decision?.title ?? 'khen thưởng các cá nhân, tập thể có thành tích xuất sắc',
  );
  const [date, setDate] = useState<Dayjs | null>(dayjs(decision?.decisionDate));
  const [fundingSource, setFundingSource] = useState(decision?.fundingSource ?? '');
  const [signerName, setSignerName] = useState(decision?.signerName ?? '');
  const [signerTitle, setSignerTitle] = useState(decision?.signerTitle ?? 'Chủ tịch');
  const error = create.error ?? update.error;
  const header = {
    decider,
    title,
    decisionDate: iso(date),
    fundingSource,
    signerName,
    signerTitle,
  };
  const submit = async () => {
    if (decision !== undefined) {
      await update.mutateAsync({ version: decision.version, ...header });
      onClose();
      return;
    }
    const d = await create.mutateAsync({ unitId: unitId ?? 0, ...header });
    onClose();
    await navigate(`/award-decisions/${d.id}`);
  };
  return (
    <Modal
      open
      title={decision ? 'Sửa thông tin dự thảo' : 'Dự thảo quyết định khen thưởng'}
      okText={decision ? 'Lưu' : 'Tạo dự thảo'}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      width={640}
    >
      <Form layout="vertical">
        {decision ? null : (
          <Form.Item label="Đơn vị ban hành" required>
            <UnitTreeSelect
              aria-label="Đơn vị ban hành"
              value={unitId === null ? undefined : String(unitId)}
              onChange={(v) => setUnitId(v === undefined ? null : Number(v))}
            />
          </Form.Item>
        )}
        <Form.Item label="Thẩm quyền quyết định" required>
          <Radio.Group
            aria-label="Thẩm quyền quyết định"
            options={deciderOptions}
            value={decider}
            onChange={(e) => setDecider(e.target.value as DecisionDecider)}
          />
        </Form.Item>
        <Form.Item label="Trích yếu (Về việc …)" required>
          <Input.TextArea
            aria-label="Trích yếu"
            autoSize
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Form.Item>
        <Form.Item label="Ngày quyết định" required>
          <DatePicker
            aria-label="Ngày quyết định"
            format="DD/MM/YYYY"
            value={date}
            onChange={setDate}
          />
        </Form.Item>
        <Form.Item label="Nguồn kinh phí">
          <Input
            aria-label="Nguồn kinh phí"
            value={fundingSource}
            onChange={(e) => setFundingSource(e.target.value)}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item label="Chức vụ người ký">
            <Input
              aria-label="Chức vụ người ký"
              value={signerTitle}
              onChange={(e) => setSignerTitle(e.target.value)}
            />
          </Form.Item>
          <Form.Item label="Họ tên người ký">
            <Input
              aria-label="Họ tên người ký"
              value={signerName}
              onChange={(e) => setSignerName(e.target.value)}
            />
          </Form.Item>
        </Space>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}

function DecisionList() {
  const decisions = useDecisions();
  const canDraft = useCan('award_decision.manage');
  const mobile = useIsMobile();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Quyết định khen thưởng"
        subtitle="Dự thảo, ban hành quyết định; in giấy khen và danh sách chi tiền thưởng"
        extra={
          canDraft ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Dự thảo quyết định
            </Button>
          ) : null
        }
      />
      {decisions.error ? <ErrorAlert error={decisions.error} /> : null}
      {mobile ? (
        <List
          loading={decisions.isLoading}
          dataSource={decisions.data?.items ?? []}
          locale={{ emptyText: 'Chưa có quyết định khen thưởng nào.' }}
          renderItem={(d) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/award-decisions/${d.id}`}>{d.title}</Link>}
                description={
                  <Space wrap size={4}>
                    <Tag color={statusColors[d.status]}>{decisionStatusLabels[d.status]}</Tag>
                    <span>
                      {d.documentNumber ?? 'Chưa có số'} · {formatDate(d.decisionDate)} ·{' '}
                      {money(d.totalAmount)}
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<DecisionSummary>
          rowKey="id"
          size="small"
          loading={decisions.isLoading}
          dataSource={decisions.data?.items ?? []}
          locale={{ emptyText: 'Chưa có quyết định khen thưởng nào.' }}
          scroll={{ x: 'max-content' }}
          pagination={false}
          columns={[
            {
              title: 'Số',
              key: 'number',
              render: (_, d) => d.documentNumber ?? '—',
            },
            {
              title: 'Trích yếu',
              key: 'title',
              render: (_, d) => <Link to={`/award-decisions/${d.id}`}>{d.title}</Link>,
            },
            { title: 'Đơn vị', key: 'unit', render: (_, d) => d.unit.name, responsive: ['md'] },
            { title: 'Ngày', key: 'date', render: (_, d) => formatDate(d.decisionDate) },
            {
              title: 'Trạng thái',
              key: 'status',
              render: (_, d) => (
                <Tag color={statusColors[d.status]}>{decisionStatusLabels[d.status]}</Tag>
              ),
            },
            { title: 'Số người/tập thể', dataIndex: 'rowCount', responsive: ['md'] },
            {
              title: 'Tổng tiền',
              key: 'total',
              align: 'right',
              render: (_, d) => money(d.totalAmount),
            },
          ]}
        />
      )}
      {creating ? <DecisionHeaderModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

/** Adds one awardee by hand: a person of the unit's subtree or a collective, and a form. */
function AddRowModal({ decision, onClose }: { decision: AwardDecision; onClose: () => void }) {
  const add = useAddRows(decision.id);
  const catalogue = useAwardCatalogue(decision.decisionDate);
  const [kind, setKind] = useState<'person' | 'unit'>('person');
  const [personId, setPersonId] = useState<number | null>(null);
  const [personName, setPersonName] = useState('');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [formId, setFormId] = useState<number | null>(null);
  const [achievement, setAchievement] = useState('');
  const subject = kind === 'person' ? 'individual' : 'collective';
  // Grouped by who may decide them, so the officer sees which forms the unit's signer may give.
  const groups = new Map<string, { value: number; label: string }[]>();
  for (const f of catalogue.data?.forms ?? []) {
    if (f.current === null || f.current.subject !== subject) continue;
    const authority = f.current.deciders.map((x) => awardDeciderLabels[x]).join('; ') || 'Khác';
    const amount = f.amount?.ok ? ` — ${money(f.amount.amount)}` : '';
    groups.set(authority, [
      ...(groups.get(authority) ?? []),
      { value: f.id, label: `${f.current.name}${amount}` },
    ]);
  }
  const forms = [...groups].map(([label, options]) => ({ label, options }));
  const submit = async () => {
    await add.mutateAsync({
      version: decision.version,
      rows: [
        {
          personId: kind === 'person' ? personId : null,
          unitId: kind === 'unit' ? unitId : null,
          formId: formId ?? 0,
          achievement: achievement.trim() === '' ? undefined : achievement,
        },
      ],
    });
    onClose();
  };
  return (
    <Modal
      open
      title="Thêm người/tập thể được khen thưởng"
      okText="Thêm"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={add.isPending}
      onCancel={onClose}
      width={640}
    >
      <Form layout="vertical">
        <Form.Item label="Đối tượng">
          <Radio.Group
            aria-label="Đối tượng"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as 'person' | 'unit');
              setFormId(null);
            }}
            options={[
              { value: 'person', label: 'Cá nhân' },
              { value: 'unit', label: 'Tập thể' },
            ]}
          />
        </Form.Item>
        {kind === 'person' ? (
          <Form.Item label="Cán bộ được khen" required>
            <Flex>
              <PersonPicker
                ariaLabel="Cán bộ được khen"
                unitId={decision.unit.id}
                value={personId}
                label={personName}
                onPick={(id, name) => {
                  setPersonId(id);
                  setPersonName(name);
                }}
              />
            </Flex>
          </Form.Item>
        ) : (
          <Form.Item label="Tập thể được khen" required>
            <UnitTreeSelect
              aria-label="Tập thể được khen"
              value={unitId === null ? undefined : String(unitId)}
              onChange={(v) => setUnitId(v === undefined ? null : Number(v))}
            />
          </Form.Item>
        )}
        <Form.Item label="Hình thức khen thưởng" required>
          <Select
            aria-label="Hình thức khen thưởng"
            showSearch={{ optionFilterProp: 'label' }}
            loading={catalogue.isLoading}
            options={forms}
            value={formId ?? undefined}
            onChange={(v: number) => setFormId(v)}
          />
        </Form.Item>
        <Form.Item label="Thành tích">
          <Input.TextArea
            aria-label="Thành tích"
            autoSize={{ minRows: 2 }}
            value={achievement}
            onChange={(e) => setAchievement(e.target.value)}
          />
        </Form.Item>
      </Form>
      {add.error ? <ErrorAlert error={add.error} /> : null}
    </Modal>
  );
}

/** "In lên phôi": the decision's certificates on one of its unit's templates (template managers). */
function TemplatePrint({ d }: { d: AwardDecision }) {
  const templates = useCertificateTemplates();
  const mine = (templates.data?.items ?? []).filter((t) => t.unit.id === d.unit.id);
  if (mine.length === 0) return null;
  return (
    <Dropdown
      menu={{
        items: mine.map((t) => ({
          key: t.id,
          label: <a href={decisionFileUrls(d.id).certificates(t.id)}>{t.name}</a>,
        })),
      }}
    >
      <Button icon={<PrinterOutlined />}>In lên phôi</Button>
    </Dropdown>
  );
}

function Downloads({ d }: { d: AwardDecision }) {
  const urls = decisionFileUrls(d.id);
  const issued = d.status !== 'draft';
  const canTemplates = useCan('certificate_template.manage');
  return (
    <Space wrap>
      <Button icon={<FileWordOutlined />} href={urls.docx}>
        Tải .docx
      </Button>
      <Button icon={<FilePdfOutlined />} href={urls.pdf}>
        Tải .pdf
      </Button>
      {issued ? (
        <>
          <Button icon={<DownloadOutlined />} href={urls.certificates()}>
            In giấy khen
          </Button>
          {canTemplates ? <TemplatePrint d={d} /> : null}
          <Button icon={<DownloadOutlined />} href={urls.paymentList}>
            Danh sách chi tiền
          </Button>
        </>
      ) : null}
    </Space>
  );
}

function DecisionView({ id }: { id: number }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const decision = useDecision(id);
  const removeRows = useRemoveRows(id);
  const fromNominations = useFromNominations(id);
  const issue = useIssueDecision(id);
  const replace = useReplaceDecision(id);
  const remove = useDeleteDecision();
  const [selected, setSelected] = useState<number[]>([]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [replacing, setReplacing] = useState<'cancel' | 'correct' | null>(null);
  if (decision.error) return <ErrorAlert error={decision.error} />;
  const d = decision.data;
  if (d === undefined) return <Card loading />;
  const { canEdit, canIssue, canReplace } = d.permissions;
  const mutationError =
    removeRows.error ?? fromNominations.error ?? issue.error ?? remove.error ?? null;

  const doIssue = async () => {
    const r = await issue.mutateAsync({ version: d.version, decisionDate: d.decisionDate });
    void message.success(`Đã ban hành Quyết định số ${r.documentNumber ?? ''}.`);
  };
  const doAddNominations = async () => {
    const r = await fromNominations.mutateAsync({ version: d.version });
    void message.success(`Danh sách có ${String(r.rowCount)} người/tập thể.`);
  };
  const doRemove = async () => {
    await removeRows.mutateAsync({ version: d.version, rowIds: selected });
    setSelected([]);
  };
  const doReplace = async (reason: string) => {
    if (replacing === null) return;
    const r = await replace.mutateAsync({ kind: replacing, reason });
    setReplacing(null);
    await navigate(`/award-decisions/${r.id}`);
  };
  const doDelete = async () => {
    await remove.mutateAsync({ id: d.id, version: d.version });
    await navigate('/award-decisions');
  };

  const heading = d.documentNumber ? `Quyết định số ${d.documentNumber}` : 'Dự thảo quyết định';
  return (
    <>
      <PageHeader
        title={heading}
        subtitle={`Về việc ${d.title}`}
        breadcrumb={[
          { title: 'Quyết định khen thưởng', to: '/award-decisions' },
          { title: heading },
        ]}
        extra={<Downloads d={d} />}
      />
      {mutationError ? <ErrorAlert error={mutationError} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Trạng thái">
            <Tag color={statusColors[d.status]}>{decisionStatusLabels[d.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị ban hành">{d.unit.name}</Descriptions.Item>
          <Descriptions.Item label="Thẩm quyền">{deciderLabels[d.decider]}</Descriptions.Item>
          <Descriptions.Item label="Ngày quyết định">
            {formatDate(d.decisionDate)}
          </Descriptions.Item>
          <Descriptions.Item label="Nguồn kinh phí">{d.fundingSource || '—'}</Descriptions.Item>
          <Descriptions.Item label="Người ký">
            {[d.signerTitle, d.signerName].filter((s) => s !== '').join(' ') || '—'}
          </Descriptions.Item>
          {d.replaces ? (
            <Descriptions.Item label={d.replaceKind === 'cancel' ? 'Hủy bỏ' : 'Đính chính'}>
              <Link to={`/award-decisions/${d.replaces.id}`}>
                Quyết định số {d.replaces.documentNumber ?? '—'}
              </Link>
              {d.reason ? ` — ${d.reason}` : null}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="Tổng tiền thưởng">
            <Typography.Text strong>{money(d.totalAmount)}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {canIssue ? (
            <Popconfirm
              title="Ban hành quyết định?"
              description="Quyết định sẽ được lấy số, cấp số sổ vàng và không sửa được nữa."
              okText="Ban hành"
              cancelText="Thôi"
              onConfirm={() => void doIssue().catch(() => undefined)}
            >
              <Button type="primary" loading={issue.isPending}>
                Ban hành
              </Button>
            </Popconfirm>
          ) : null}
          {canReplace ? (
            <>
              <Button onClick={() => setReplacing('correct')}>
                Đính chính bằng quyết định mới
              </Button>
              <Button danger onClick={() => setReplacing('cancel')}>
                Hủy bỏ bằng quyết định mới
              </Button>
            </>
          ) : null}
          {canEdit ? <Button onClick={() => setEditing(true)}>Sửa thông tin</Button> : null}
          {canEdit ? (
            <Popconfirm
              title="Xóa dự thảo này?"
              okText="Xóa"
              cancelText="Thôi"
              onConfirm={() => void doDelete().catch(() => undefined)}
            >
              <Button danger icon={<DeleteOutlined />}>
                Xóa dự thảo
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Card>
      <Card
        size="small"
        title={`Danh sách khen thưởng (${String(d.rowCount)})`}
        extra={
          canEdit ? (
            <Space wrap>
              <Button
                loading={fromNominations.isPending}
                onClick={() => void doAddNominations().catch(() => undefined)}
              >
                Thêm từ đề nghị đã duyệt
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                Thêm thủ công
              </Button>
              <Button
                danger
                disabled={selected.length === 0}
                loading={removeRows.isPending}
                onClick={() => void doRemove().catch(() => undefined)}
              >
                Bỏ khỏi danh sách
              </Button>
            </Space>
          ) : null
        }
      >
        <Table<DecisionRow>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d.rows}
          locale={{ emptyText: 'Chưa có ai trong danh sách.' }}
          rowSelection={
            canEdit
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }
              : undefined
          }
          columns={[
            { title: 'STT', dataIndex: 'position', width: 56 },
            {
              title: 'Họ tên / Tập thể',
              key: 'name',
              render: (_, r) => (
                <>
                  <div>{r.name}</div>
                  <Typography.Text type="secondary">{r.positionText}</Typography.Text>
                </>
              ),
            },
            { title: 'Hình thức', key: 'form', render: (_, r) => r.form.name },
            {
              title: 'Số tiền',
              key: 'amount',
              align: 'right',
              render: (_, r) => <span title={r.amountExplanation}>{money(r.amount)}</span>,
            },
            {
              title: 'Số sổ vàng',
              key: 'gb',
              render: (_, r) => r.goldenBookNumber ?? '—',
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={canEdit ? 4 : 3}>
                <Typography.Text strong>Tổng cộng</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{money(d.totalAmount)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
            </Table.Summary.Row>
          )}
        />
      </Card>
      {adding ? <AddRowModal decision={d} onClose={() => setAdding(false)} /> : null}
      {editing ? <DecisionHeaderModal decision={d} onClose={() => setEditing(false)} /> : null}
      <ReasonModal
        open={replacing !== null}
        title={replacing === 'cancel' ? 'Hủy bỏ quyết định' : 'Đính chính quyết định'}
        intro={
          replacing === 'cancel'
            ? 'Một dự thảo quyết định hủy bỏ sẽ được tạo; quyết định này chỉ bị hủy khi dự thảo đó được ban hành.'
            : 'Một dự thảo quyết định đính chính (chép danh sách hiện có) sẽ được tạo; quyết định này chỉ được thay khi dự thảo đó được ban hành.'
        }
        okText="Tạo dự thảo"
        danger={replacing === 'cancel'}
        loading={replace.isPending}
        error={replace.error?.message ?? null}
        onClose={() => setReplacing(null)}
        onSubmit={(reason) => void doReplace(reason).catch(() => undefined)}
      />
    </>
  );
}

/** /award-decisions (the list) and /award-decisions/:decisionId (a decision and its annex). */
export default function AwardDecisionsPage() {
  const { decisionId } = useParams();
  return decisionId === undefined ? <DecisionList /> : <DecisionView id={Number(decisionId)} />;
}
