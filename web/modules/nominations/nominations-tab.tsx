import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../ui/error-alert';
import { ReasonModal } from '../../ui/reason-modal';
import { useDebouncedValue, useIsMobile } from '../../ui/hooks';
import { formatDateTime, formatNumber } from '../../ui/format';
import type { PlanDetail } from '../campaigns/plans.api';
import { useAwardCatalogue } from '../awards/awards.api';
import { DossierRequests, DossierSection } from '../dossiers/dossier-section';
import {
  nominationRoundLabels,
  nominationStatusLabels,
  type NominationRound,
  type NominationStatus,
} from '../../../shared/nominations';
import {
  attachmentUrl,
  useCreateNomination,
  useMoveNomination,
  useNomination,
  useNominationCandidates,
  useNominations,
  usePeopleToNominate,
  useRemoveAttachment,
  useUploadAttachment,
  type Nomination,
  type NominationMoveInput,
} from './nominations.api';

const statusColor: Record<NominationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'cyan',
  forwarded: 'geekblue',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

const actionLabels: Record<string, string> = {
  create: 'Lập đề nghị',
  submit: 'Gửi lên',
  return: 'Trả lại',
  accept: 'Tiếp nhận',
  forward: 'Chuyển cấp trên',
  approve: 'Duyệt khen thưởng',
  reject: 'Không khen thưởng',
  withdraw: 'Rút đề nghị',
};

/** Who the officer means to nominate, picked from the candidates. */
type Subject = { kind: 'person' | 'unit'; id: number; name: string };

/**
 * Plan tab "Khen thưởng" (decision 041): the candidates the published results prefill, the
 * nominations the caller may see, and one nomination's way up — submit (eligibility checked on
 * the server), receive (accept with the dossier checklist ticked, return with a reason, forward),
 * decide (approve within the quota, or not). The server decides who may do what.
 */
export function NominationsTab({ plan }: { plan: PlanDetail }) {
  const list = useNominations(plan.id);
  const [open, setOpen] = useState<number | null>(null);
  const [subject, setSubject] = useState<Subject | null>(null);
  const mobile = useIsMobile();
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={16} className="nominations-tab">
      <Candidates planId={plan.id} onNominate={setSubject} />
      <ByHand onNominate={setSubject} />
      <Card size="small" title="Đề nghị khen thưởng">
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          scroll={mobile ? { x: 640 } : undefined}
          locale={{ emptyText: 'Chưa có đề nghị khen thưởng nào.' }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: 'Đối tượng', render: (_, r) => r.subject.name },
            { title: 'Hình thức', render: (_, r) => r.form.name },
            { title: 'Đợt', render: (_, r) => nominationRoundLabels[r.round] },
            { title: 'Đang ở', render: (_, r) => r.currentUnit.name },
            {
              title: 'Trạng thái',
              render: (_, r) => (
                <Tag color={statusColor[r.status]}>{nominationStatusLabels[r.status]}</Tag>
              ),
            },
            {
              title: '',
              render: (_, r) => (
                <Button size="small" onClick={() => setOpen(r.id)}>
                  Xem
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <DossierRequests planId={plan.id} nominations={items} />
      {subject && (
        <CreateModal
          plan={plan}
          subject={subject}
          onClose={() => setSubject(null)}
          onCreated={(id) => {
            setSubject(null);
            setOpen(id);
          }}
        />
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title="Đề nghị khen thưởng"
        size={mobile ? '100%' : 640}
        destroyOnHidden
      >
        {open !== null && <NominationDetail id={open} />}
      </Drawer>
    </Flex>
  );
}

/** The qualifying units (score, band, rank) and eligible people, each with "Đề nghị". */
function Candidates({ planId, onNominate }: { planId: number; onNominate: (s: Subject) => void }) {
  const candidates = useNominationCandidates(planId);
  if (candidates.error) return <ErrorAlert error={candidates.error} />;
  const data = candidates.data;
  if (data && !data.resultsPublished)
    return (
      <Alert
        type="info"
        showIcon
        title="Kết quả đánh giá chưa được công bố: chưa có danh sách gợi ý; có thể đề nghị cá nhân theo tên."
      />
    );
  return (
    <Card size="small" title="Gợi ý từ kết quả đánh giá" loading={candidates.isLoading}>
      <Flex vertical gap={12}>
        <Table
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={data?.units ?? []}
          locale={{ emptyText: 'Không có tập thể đủ điều kiện trong phạm vi của bạn.' }}
          columns={[
            { title: 'Tập thể', dataIndex: 'unitName' },
            { title: 'Điểm', render: (_, u) => formatNumber(u.score) },
            { title: 'Xếp loại', render: (_, u) => u.bandLabel ?? '—' },
            { title: 'Thứ hạng', render: (_, u) => u.rank ?? '—' },
            {
              title: '',
              render: (_, u) => (
                <Button
                  size="small"
                  onClick={() => onNominate({ kind: 'unit', id: u.unitId, name: u.unitName })}
                >
                  Đề nghị
                </Button>
              ),
            },
          ]}
        />
        <Table
          rowKey="personId"
          size="small"
          pagination={false}
          dataSource={data?.people ?? []}
          locale={{ emptyText: 'Không có cá nhân đủ điều kiện trong phạm vi của bạn.' }}
          columns={[
            { title: 'Cá nhân', dataIndex: 'fullName' },
            {
              title: '',
              render: (_, p) => (
                <Button
                  size="small"
                  onClick={() => onNominate({ kind: 'person', id: p.personId, name: p.fullName })}
                >
                  Đề nghị
                </Button>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** Anyone else in the caller's scope, found by name (an ad hoc nomination). */
function ByHand({ onNominate }: { onNominate: (s: Subject) => void }) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search, 300);
  const people = usePeopleToNominate(term);
  return (
    <Card size="small" title="Đề nghị cá nhân khác">
      <Select<number>
        aria-label="Tìm cán bộ theo tên"
        showSearch={{ filterOption: false, onSearch: setSearch }}
        placeholder="Nhập tên cán bộ (ít nhất 2 ký tự)"
        style={{ width: '100%', maxWidth: 480 }}
        loading={people.isFetching}
        value={null}
        notFoundContent={term.trim().length >= 2 ? 'Không tìm thấy' : null}
        options={(people.data?.items ?? []).map((p) => ({
          value: p.id,
          label: `${p.fullName} — ${p.unitName}`,
        }))}
        onChange={(id) => {
          const p = people.data?.items.find((x) => x.id === id);
          if (p) onNominate({ kind: 'person', id: p.id, name: p.fullName });
        }}
      />
    </Card>
  );
}

type CreateValues = {
  formVersionId: number;
  round: NominationRound;
  achievement: string;
  period: [dayjs.Dayjs, dayjs.Dayjs];
};

/** A new draft nomination of the chosen subject: form, round, achievement and its period. */
function CreateModal({
  plan,
  subject,
  onClose,
  onCreated,
}: {
  plan: PlanDetail;
  subject: Subject;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const catalogue = useAwardCatalogue(undefined);
  const create = useCreateNomination(plan.id);
  const wanted = subject.kind === 'person' ? ['individual'] : ['collective', 'household'];
  const options = (catalogue.data?.forms ?? [])
    .filter((f) => f.current !== null && wanted.includes(f.current.subject))
    .filter((f) => f.planId === null || f.planId === plan.id)
    .map((f) => ({ value: f.current?.id ?? 0, label: f.current?.name ?? f.code }));
  const start = plan.periodStart ? dayjs(plan.periodStart) : null;
  const end = plan.periodEnd ? dayjs(plan.periodEnd) : null;
  return (
    <Modal
      open
      title={`Đề nghị khen thưởng: ${subject.name}`}
      okText="Lập đề nghị"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <ErrorAlert error={create.error} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="nomination-create"
        initialValues={{ round: 'annual', period: start && end ? [start, end] : undefined }}
        onFinish={(v) =>
          create.mutate(
            {
              round: v.round,
              personId: subject.kind === 'person' ? subject.id : null,
              unitId: subject.kind === 'unit' ? subject.id : null,
              formVersionId: v.formVersionId,
              achievement: v.achievement,
              periodFrom: v.period[0].format('YYYY-MM-DD'),
              periodTo: v.period[1].format('YYYY-MM-DD'),
            },
            { onSuccess: (n) => onCreated(n.id) },
          )
        }
      >
        <Form.Item
          label="Hình thức khen thưởng"
          name="formVersionId"
          rules={[{ required: true, message: 'Vui lòng chọn hình thức khen thưởng' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={catalogue.isLoading}
            placeholder="Chọn hình thức"
          />
        </Form.Item>
        <Form.Item label="Đợt xét" name="round" rules={[{ required: true }]}>
          <Select
            options={Object.entries(nominationRoundLabels).map(([value, label]) => ({
              value,
              label,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="Thành tích"
          name="achievement"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập thành tích' }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          label="Thời gian đạt thành tích"
          name="period"
          rules={[{ required: true, message: 'Vui lòng chọn khoảng thời gian' }]}
        >
          <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One nomination: facts, quota use, dossier checklist and files, moves, history. */
function NominationDetail({ id }: { id: number }) {
  const q = useNomination(id);
  const move = useMoveNomination(id);
  const [reason, setReason] = useState<'return' | 'reject' | null>(null);
  const n = q.data;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!n) return null;
  const run = (m: NominationMoveInput) => move.mutate(m, { onSuccess: () => setReason(null) });
  const editable = n.status === 'draft' || n.status === 'returned';
  const underReview = n.status === 'submitted' || n.status === 'forwarded';
  const atDecider = n.currentUnit.id === n.decidingUnit.id;
  const review = n.permissions.review;
  return (
    <Flex vertical gap={16} className="nomination-detail">
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {n.subject.name} — {n.form.name}
        </Typography.Title>
        <Space wrap>
          <Tag color={statusColor[n.status]}>{nominationStatusLabels[n.status]}</Tag>
          <span>Đang ở: {n.currentUnit.name}</span>
          <span>Cấp quyết định: {n.decidingUnit.name}</span>
        </Space>
        <Typography.Paragraph style={{ marginTop: 8 }}>{n.achievement}</Typography.Paragraph>
        {n.returnReason && n.status === 'returned' && (
          <Alert type="warning" showIcon title={`Lý do trả lại: ${n.returnReason}`} />
        )}
      </div>
      {!move.isPending && move.error && reason === null && <ErrorAlert error={move.error} />}
      {n.suggestions.map((s) => (
        <Alert key={s.formCode} type="info" showIcon title={s.message} />
      ))}
      <Space wrap>
        {n.permissions.propose && editable && (
          <Button type="primary" onClick={() => run({ move: 'submit', version: n.version })}>
            Gửi lên cấp trên
          </Button>
        )}
        {n.permissions.propose && (editable || n.status === 'submitted') && (
          <Button onClick={() => run({ move: 'withdraw', version: n.version })}>Rút đề nghị</Button>
        )}
        {review && underReview && (
          <Button type="primary" onClick={() => run({ move: 'accept', version: n.version })}>
            Tiếp nhận
          </Button>
        )}
        {review && (underReview || n.status === 'accepted') && !atDecider && (
          <Button onClick={() => run({ move: 'forward', version: n.version })}>
            Chuyển cấp trên
          </Button>
        )}
        {review && atDecider && n.status === 'accepted' && (
          <Button type="primary" onClick={() => run({ move: 'approve', version: n.version })}>
            Duyệt khen thưởng
          </Button>
        )}
        {review && (underReview || n.status === 'accepted' || n.status === 'approved') && (
          <Button onClick={() => setReason('return')}>Trả lại</Button>
        )}
        {review &&
          atDecider &&
          (underReview || n.status === 'accepted' || n.status === 'approved') && (
            <Button danger onClick={() => setReason('reject')}>
              Không khen thưởng
            </Button>
          )}
      </Space>
      {n.quotas.length > 0 && (
        <Card size="small" title="Hạn mức khen thưởng">
          {n.quotas.map((quota) => (
            <div key={quota.quotaKey}>
              <Typography.Text>{quota.label}</Typography.Text>
              {quota.cap !== null ? (
                <Progress
                  percent={quota.cap > 0 ? Math.round((quota.used / quota.cap) * 100) : 100}
                  format={() => `${quota.used}/${quota.cap}`}
                  status={quota.used >= quota.cap ? 'exception' : 'normal'}
                />
              ) : (
                <Typography.Paragraph type="secondary">Đã duyệt {quota.used}</Typography.Paragraph>
              )}
            </div>
          ))}
        </Card>
      )}
      <Dossier n={n} editable={editable && n.permissions.propose} />
      <Card size="small" title="Nội dung hồ sơ" className="nomination-dossier-parts">
        <DossierSection nominationId={n.id} />
      </Card>
      <Card size="small" title="Quá trình xử lý">
        <Timeline
          items={n.steps.map((s) => ({
            content: `${formatDateTime(s.at)} — ${actionLabels[s.action] ?? s.action}${s.reason ? `: ${s.reason}` : ''}`,
          }))}
        />
      </Card>
      <ReasonModal
        open={reason !== null}
        title={reason === 'reject' ? 'Không khen thưởng' : 'Trả lại đề nghị'}
        intro={
          reason === 'reject'
            ? 'Đề nghị sẽ kết thúc, không được khen thưởng; nếu đã duyệt, suất trong hạn mức được trả lại.'
            : 'Đề nghị được trả về đơn vị đề nghị để bổ sung, kèm lý do.'
        }
        okText={reason === 'reject' ? 'Không khen thưởng' : 'Trả lại'}
        danger={reason === 'reject'}
        loading={move.isPending}
        error={move.error instanceof Error ? move.error.message : null}
        onClose={() => setReason(null)}
        onSubmit={(text) =>
          reason !== null && run({ move: reason, version: n.version, reason: text })
        }
      />
    </Flex>
  );
}

/** The dossier checklist of the receiving level, ticked or missing, and the files. */
function Dossier({ n, editable }: { n: Nomination; editable: boolean }) {
  const upload = useUploadAttachment(n.id);
  const remove = useRemoveAttachment(n.id);
  const [item, setItem] = useState<string | null>(n.dossier.items[0]?.item ?? null);
  return (
    <Card
      size="small"
      title={`Hồ sơ${n.dossier.level ? ` trình ${n.dossier.level.name}` : ''}`}
      className="nomination-dossier"
    >
      {n.dossier.items.length === 0 ? (
        <Typography.Paragraph type="secondary">
          Kế hoạch không nêu thành phần hồ sơ cho cấp này.
        </Typography.Paragraph>
      ) : (
        <Flex vertical gap={8} role="list" aria-label="Thành phần hồ sơ">
          {n.dossier.items.map((i) => (
            <Flex key={i.item} gap={8} align="baseline" role="listitem">
              <Tag color={i.present ? 'green' : 'red'}>{i.present ? 'Đã có' : 'Còn thiếu'}</Tag>
              <span>{i.item}</span>
            </Flex>
          ))}
        </Flex>
      )}
      <Typography.Title level={5} style={{ fontSize: 14, marginTop: 16 }}>
        Tệp đính kèm
      </Typography.Title>
      {n.attachments.length === 0 ? (
        <Typography.Paragraph type="secondary">Chưa có tệp nào.</Typography.Paragraph>
      ) : (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          {n.attachments.map((a) => (
            <Flex key={a.id} justify="space-between" align="center" gap={8}>
              <Flex vertical>
                <a href={attachmentUrl(n.id, a.id)}>{a.fileName}</a>
                <Typography.Text type="secondary">
                  {a.dossierItem ?? 'Tài liệu khác'}
                </Typography.Text>
              </Flex>
              {editable && (
                <Button size="small" danger type="link" onClick={() => remove.mutate(a.id)}>
                  Xóa
                </Button>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      {editable && (
        <Flex vertical gap={8}>
          <ErrorAlert error={upload.error} />
          <Select
            aria-label="Mục hồ sơ"
            value={item ?? ''}
            onChange={(v) => setItem(v === '' ? null : v)}
            options={[
              ...n.dossier.items.map((i) => ({ value: i.item, label: i.item })),
              { value: '', label: 'Tài liệu khác' },
            ]}
          />
          <Upload
            showUploadList={false}
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
            beforeUpload={(file) => {
              upload.mutate({ dossierItem: item, file });
              return false;
            }}
          >
            <Button loading={upload.isPending}>Tải tệp lên</Button>
          </Upload>
        </Flex>
      )}
    </Card>
  );
}
