import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { meetingStatusLabels } from '../../../shared/councils';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { useCurrentUser } from '../../shell/current-user';
import {
  useCouncil,
  useCouncils,
  useCreateCouncil,
  useScheduleMeeting,
  useUpdateMembers,
} from './councils.api';
import { MembersEditor, toMemberFields, type MemberDraft } from './members-editor';
import './councils.css';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** Creates a council: unit, name, term and the members. */
function CreateCouncilModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateCouncil();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [name, setName] = useState('Hội đồng Thi đua - Khen thưởng');
  const [term, setTerm] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const submit = async () => {
    const c = await create.mutateAsync({
      unitId: unitId ?? 0,
      name,
      termFrom: iso(term?.[0]),
      termTo: iso(term?.[1]),
      members: members.map(({ id: _id, ...m }) => m),
    });
    onClose();
    await navigate(`/councils/${c.id}`);
  };
  return (
    <Modal
      open={open}
      title="Thành lập hội đồng thi đua – khen thưởng"
      okText="Tạo hội đồng"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      width={760}
    >
      <Form layout="vertical">
        <Form.Item label="Đơn vị" required>
          <UnitTreeSelect
            aria-label="Đơn vị"
            value={unitId === null ? undefined : String(unitId)}
            onChange={(v) => setUnitId(v === undefined ? null : Number(v))}
          />
        </Form.Item>
        <Form.Item label="Tên hội đồng" required>
          <Input aria-label="Tên hội đồng" value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label="Nhiệm kỳ" required>
          <DatePicker.RangePicker
            aria-label="Nhiệm kỳ"
            format="DD/MM/YYYY"
            value={term}
            onChange={(v) => setTerm(v)}
          />
        </Form.Item>
        <Form.Item label="Thành viên" required>
          <MembersEditor unitId={unitId} value={members} onChange={setMembers} />
        </Form.Item>
      </Form>
      {create.error ? <ErrorAlert error={create.error} /> : null}
    </Modal>
  );
}

function CouncilList() {
  const me = useCurrentUser();
  const councils = useCouncils();
  const [creating, setCreating] = useState(false);
  const canCreate = me.actions.includes('council.manage');
  return (
    <>
      <PageHeader
        title="Hội đồng thi đua – khen thưởng"
        subtitle="Hội đồng, thành viên và các phiên họp xét khen thưởng"
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thành lập hội đồng
            </Button>
          ) : null
        }
      />
      {councils.error ? <ErrorAlert error={councils.error} /> : null}
      <List
        loading={councils.isLoading}
        dataSource={councils.data?.items ?? []}
        locale={{ emptyText: 'Chưa có hội đồng nào.' }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/councils/${c.id}`}>{c.name}</Link>}
              description={`${c.unitName} · nhiệm kỳ ${formatDate(c.termFrom)} – ${formatDate(c.termTo)}`}
            />
          </List.Item>
        )}
      />
      {creating ? <CreateCouncilModal open onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function ScheduleMeetingModal({ councilId, onClose }: { councilId: number; onClose: () => void }) {
  const navigate = useNavigate();
  const schedule = useScheduleMeeting(councilId);
  const [title, setTitle] = useState('Họp xét khen thưởng');
  const [heldOn, setHeldOn] = useState<Dayjs | null>(null);
  const [startsAt, setStartsAt] = useState<Dayjs | null>(null);
  const [place, setPlace] = useState('');
  const submit = async () => {
    const m = await schedule.mutateAsync({
      title,
      heldOn: iso(heldOn),
      place,
      startsAt: startsAt ? startsAt.format('HH:mm') : null,
    });
    onClose();
    await navigate(`/meetings/${m.id}`);
  };
  return (
    <Modal
      open
      title="Lên lịch phiên họp xét"
      okText="Lên lịch"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={schedule.isPending}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label="Tên phiên họp" required>
          <Input
            aria-label="Tên phiên họp"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item label="Ngày họp" required>
            <DatePicker
              aria-label="Ngày họp"
              format="DD/MM/YYYY"
              value={heldOn}
              onChange={setHeldOn}
            />
          </Form.Item>
          <Form.Item label="Giờ bắt đầu">
            <TimePicker
              aria-label="Giờ bắt đầu"
              format="HH:mm"
              value={startsAt}
              onChange={setStartsAt}
            />
          </Form.Item>
        </Space>
        <Form.Item label="Địa điểm">
          <Input aria-label="Địa điểm" value={place} onChange={(e) => setPlace(e.target.value)} />
        </Form.Item>
      </Form>
      {schedule.error ? <ErrorAlert error={schedule.error} /> : null}
    </Modal>
  );
}

function CouncilView({ id }: { id: number }) {
  const { message } = App.useApp();
  const council = useCouncil(id);
  const update = useUpdateMembers(id);
  const [draft, setDraft] = useState<MemberDraft[] | null>(null);
  const [scheduling, setScheduling] = useState(false);
  if (council.error) return <ErrorAlert error={council.error} />;
  const c = council.data;
  if (c === undefined) return <Card loading />;
  const members: MemberDraft[] = draft ?? c.members.map((m) => ({ ...m }));
  const save = async () => {
    await update.mutateAsync({ members: members.map(toMemberFields) });
    setDraft(null);
    void message.success('Đã lưu thành viên hội đồng.');
  };
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={`Nhiệm kỳ ${formatDate(c.termFrom)} – ${formatDate(c.termTo)}`}
        breadcrumb={[{ title: 'Hội đồng thi đua', to: '/councils' }, { title: c.name }]}
      />
      <div className="council-grid">
        <Card title="Thành viên" size="small">
          {c.canManage ? (
            <>
              <MembersEditor unitId={c.unitId} value={members} onChange={setDraft} />
              <Flex gap={8} style={{ marginTop: 12 }}>
                <Button
                  type="primary"
                  disabled={draft === null}
                  loading={update.isPending}
                  onClick={() => void save().catch(() => undefined)}
                >
                  Lưu thành viên
                </Button>
                {draft !== null ? <Button onClick={() => setDraft(null)}>Hủy</Button> : null}
              </Flex>
              {update.error ? <ErrorAlert error={update.error} style={{ marginTop: 8 }} /> : null}
            </>
          ) : (
            <List
              size="small"
              dataSource={c.members}
              renderItem={(m) => <List.Item>{m.fullName}</List.Item>}
            />
          )}
        </Card>
        <Card
          title="Phiên họp"
          size="small"
          extra={
            c.canManage ? (
              <Button icon={<PlusOutlined />} onClick={() => setScheduling(true)}>
                Lên lịch họp
              </Button>
            ) : null
          }
        >
          <List
            size="small"
            dataSource={c.meetings}
            locale={{ emptyText: 'Chưa có phiên họp.' }}
            renderItem={(m) => (
              <List.Item extra={<Tag>{meetingStatusLabels[m.status]}</Tag>}>
                <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                <Typography.Text type="secondary"> · {formatDate(m.heldOn)}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </div>
      {scheduling ? (
        <ScheduleMeetingModal councilId={id} onClose={() => setScheduling(false)} />
      ) : null}
    </>
  );
}

/** /councils (the list) and /councils/:councilId (a council: members and meetings). */
export default function CouncilsPage() {
  const { councilId } = useParams();
  return councilId === undefined ? <CouncilList /> : <CouncilView id={Number(councilId)} />;
}
