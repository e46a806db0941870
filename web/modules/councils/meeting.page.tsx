import { useState } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Progress,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  attendanceLabels,
  councilRoleLabels,
  meetingStatusLabels,
  type AttendanceStatus,
} from '../../../shared/councils';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import {
  minutesUrl,
  useAddNominations,
  useAgendaCandidates,
  useCastVote,
  useCloseMeeting,
  useEnterTally,
  useMeeting,
  useOpenMeeting,
  useRecordAttendance,
  type MeetingDetail,
} from './councils.api';
import './councils.css';

type Item = MeetingDetail['items'][number];
type Entry = { status: AttendanceStatus; opinion: string };

const attendanceOptions = [
  { value: 'present', label: 'Có mặt' },
  { value: 'absent_with_opinion', label: 'Vắng, có ý kiến' },
  { value: 'absent', label: 'Vắng' },
] as const;

/** Attendance toggles per member and the quorum counted live from them (on the whole membership). */
function Attendance({ m }: { m: MeetingDetail }) {
  const { message } = App.useApp();
  const save = useRecordAttendance(m.id);
  const [draft, setDraft] = useState<Record<number, Entry> | null>(null);
  const entries: Record<number, Entry> =
    draft ??
    Object.fromEntries(
      m.members.map((x) => [x.id, { status: x.attendance ?? 'absent', opinion: x.opinion ?? '' }]),
    );
  const editable = m.permissions.manage;
  const present = Object.values(entries).filter((e) => e.status === 'present').length;
  const total = m.status === 'scheduled' ? m.members.length : m.memberCount;
  const needed = Math.ceil((total * m.quorumPercent) / 100);
  const met = total > 0 && present * 100 >= total * m.quorumPercent;
  const submit = async () => {
    await save.mutateAsync({
      entries: m.members.map((x) => ({
        memberId: x.id,
        status: entries[x.id]?.status ?? 'absent',
        opinion: entries[x.id]?.opinion ?? null,
      })),
    });
    setDraft(null);
    void message.success('Đã lưu điểm danh.');
  };
  return (
    <Card title="Điểm danh" size="small">
      <div data-testid="quorum">
        <Progress
          percent={total > 0 ? Math.round((present * 100) / total) : 0}
          status={met ? 'success' : 'exception'}
          format={() => `${present}/${total}`}
        />
        <Alert
          type={met ? 'success' : 'warning'}
          showIcon
          message={
            met
              ? `Đủ số thành viên dự họp: ${present}/${total} có mặt (cần ${needed}, ${m.quorumPercent} % tổng số thành viên).`
              : `Chưa đủ số thành viên dự họp: ${present}/${total} có mặt, cần ít nhất ${needed} (${m.quorumPercent} % tổng số thành viên).`
          }
          style={{ margin: '8px 0' }}
        />
      </div>
      <List
        size="small"
        dataSource={m.members}
        renderItem={(x) => {
          const e = entries[x.id] ?? { status: 'absent', opinion: '' };
          const set = (patch: Partial<Entry>) =>
            setDraft({ ...entries, [x.id]: { ...e, ...patch } });
          return (
            <List.Item>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8} align="center">
                  <span>
                    <Typography.Text strong>{x.fullName}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{councilRoleLabels[x.role]}</Typography.Text>
                  </span>
                  {editable ? (
                    <Segmented
                      className="attendance-toggle"
                      aria-label={`Điểm danh ${x.fullName}`}
                      size="large"
                      value={e.status}
                      options={[...attendanceOptions]}
                      onChange={(v) => set({ status: v })}
                    />
                  ) : (
                    <Tag>
                      {x.attendance === null ? 'Chưa điểm danh' : attendanceLabels[x.attendance]}
                    </Tag>
                  )}
                </Flex>
                {e.status === 'absent_with_opinion' ? (
                  <Input.TextArea
                    aria-label={`Ý kiến bằng văn bản của ${x.fullName}`}
                    placeholder="Ý kiến bằng văn bản"
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    value={e.opinion}
                    disabled={!editable}
                    onChange={(ev) => set({ opinion: ev.target.value })}
                  />
                ) : null}
              </Flex>
            </List.Item>
          );
        }}
      />
      {editable ? (
        <Button
          type="primary"
          disabled={draft === null}
          loading={save.isPending}
          onClick={() => void submit().catch(() => undefined)}
        >
          Lưu điểm danh
        </Button>
      ) : null}
      {save.error ? <ErrorAlert error={save.error} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}

function AddNominationsModal({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const candidates = useAgendaCandidates(m.id, true);
  const add = useAddNominations(m.id);
  const [picked, setPicked] = useState<number[]>([]);
  const open = (candidates.data?.items ?? []).filter((c) => !c.onAgenda);
  return (
    <Modal
      open
      title="Đưa hồ sơ đề nghị vào chương trình họp"
      okText="Đưa vào chương trình"
      okButtonProps={{ disabled: picked.length === 0 }}
      confirmLoading={add.isPending}
      onOk={() =>
        void add
          .mutateAsync(picked)
          .then(onClose)
          .catch(() => undefined)
      }
      onCancel={onClose}
    >
      {candidates.error ? <ErrorAlert error={candidates.error} /> : null}
      <List
        loading={candidates.isLoading}
        dataSource={open}
        locale={{ emptyText: 'Không có hồ sơ đề nghị nào đang chờ xét tại đơn vị.' }}
        renderItem={(c) => (
          <List.Item>
            <Checkbox
              checked={picked.includes(c.nominationId)}
              onChange={(e) =>
                setPicked(
                  e.target.checked
                    ? [...picked, c.nominationId]
                    : picked.filter((x) => x !== c.nominationId),
                )
              }
            >
              <Typography.Text strong>{c.subjectName}</Typography.Text> — {c.formName}
              <div>
                <Typography.Text type="secondary">{c.proposingUnitName}</Typography.Text>
              </div>
            </Checkbox>
          </List.Item>
        )}
      />
      {add.error ? <ErrorAlert error={add.error} /> : null}
    </Modal>
  );
}

/** The paper count of an item (yes, no, invalid/blank), entered by the secretary or the officer. */
function TallyEntry({ item }: { item: Item }) {
  const enter = useEnterTally();
  const [yes, setYes] = useState<number | null>(item.tally?.yes ?? null);
  const [no, setNo] = useState<number | null>(item.tally?.no ?? null);
  const [blank, setBlank] = useState<number | null>(item.tally?.abstain ?? 0);
  return (
    <Flex gap={8} wrap align="center">
      <span>Đồng ý</span>
      <InputNumber
        aria-label={`Đồng ý — mục ${item.position}`}
        min={0}
        value={yes}
        onChange={setYes}
      />
      <span>Không đồng ý</span>
      <InputNumber
        aria-label={`Không đồng ý — mục ${item.position}`}
        min={0}
        value={no}
        onChange={setNo}
      />
      <span>Không hợp lệ</span>
      <InputNumber
        aria-label={`Không hợp lệ — mục ${item.position}`}
        min={0}
        value={blank}
        onChange={setBlank}
      />
      <Button
        loading={enter.isPending}
        onClick={() =>
          void enter
            .mutateAsync({
              itemId: item.id,
              body: { yes: yes ?? 0, no: no ?? 0, abstain: blank ?? 0 },
            })
            .catch(() => undefined)
        }
      >
        Lưu kết quả kiểm phiếu
      </Button>
      {enter.error ? <ErrorAlert error={enter.error} /> : null}
    </Flex>
  );
}

/** The member's secret vote: two large buttons; afterwards only "đã bỏ phiếu", never the choice. */
function Vote({ item }: { item: Item }) {
  const vote = useCastVote();
  if (item.voted) return <Tag color="blue">Bạn đã bỏ phiếu</Tag>;
  const cast = (choice: 'yes' | 'no') =>
    void vote.mutateAsync({ itemId: item.id, choice }).catch(() => undefined);
  return (
    <Flex gap={12} wrap className="meeting-vote">
      <Popconfirm
        title="Bỏ phiếu Đồng ý? Không sửa được sau khi bỏ."
        okText="Bỏ phiếu"
        cancelText="Hủy"
        onConfirm={() => cast('yes')}
      >
        <Button type="primary" size="large" loading={vote.isPending}>
          Đồng ý
        </Button>
      </Popconfirm>
      <Popconfirm
        title="Bỏ phiếu Không đồng ý? Không sửa được sau khi bỏ."
        okText="Bỏ phiếu"
        cancelText="Hủy"
        onConfirm={() => cast('no')}
      >
        <Button danger size="large" loading={vote.isPending}>
          Không đồng ý
        </Button>
      </Popconfirm>
      {vote.error ? <ErrorAlert error={vote.error} /> : null}
    </Flex>
  );
}

function Agenda({ m }: { m: MeetingDetail }) {
  const [adding, setAdding] = useState(false);
  const manage = m.permissions.manage;
  return (
    <Card
      title="Chương trình họp"
      size="small"
      extra={
        manage ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Thêm hồ sơ đề nghị
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {m.items.length === 0 ? (
          <Typography.Text type="secondary">Chưa có nội dung biểu quyết.</Typography.Text>
        ) : null}
        {m.items.map((i) => (
          <div key={i.id} className="meeting-item" data-testid={`item-${i.position}`}>
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text strong>
                {i.position}. {i.subject.label}
              </Typography.Text>
              <Tag>
                {i.threshold.comparison === 'at_least' ? '≥' : '>'} {i.threshold.percent} % tổng số
                thành viên
              </Tag>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
              {i.tallySource === 'app'
                ? `${i.ballotsCast} thành viên đã bỏ phiếu trên phần mềm`
                : i.tallySource === 'paper'
                  ? 'Kiểm phiếu giấy'
                  : 'Chưa có phiếu'}
              {i.tally
                ? ` · Đồng ý ${i.tally.yes}, không đồng ý ${i.tally.no}, không hợp lệ ${i.tally.abstain}`
                : ''}
            </Typography.Paragraph>
            {i.passed !== null ? (
              <Alert
                type={i.passed ? 'success' : 'error'}
                showIcon
                message={i.explanation}
                style={{ marginBottom: 8 }}
              />
            ) : null}
            {m.status === 'open' && manage && i.tallySource !== 'app' ? (
              <TallyEntry item={i} />
            ) : null}
            {m.permissions.vote && i.tallySource !== 'paper' ? <Vote item={i} /> : null}
          </div>
        ))}
      </Flex>
      {adding ? <AddNominationsModal m={m} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}

/**
 * The meeting screen (a tablet in the meeting room): attendance with the live quorum, the agenda
 * with the paper tally or the member's secret vote, open and close, the minutes to download.
 */
export default function MeetingPage() {
  const id = Number(useParams().meetingId);
  const meeting = useMeeting(id);
  const openM = useOpenMeeting(id);
  const closeM = useCloseMeeting(id);
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  if (m === undefined) return <Card loading />;
  const manage = m.permissions.manage;
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.councilName}
        breadcrumb={[
          { title: 'Hội đồng thi đua', to: '/councils' },
          { title: m.councilName, to: `/councils/${m.councilId}` },
          { title: m.title },
        ]}
        extra={
          <Space wrap>
            <Tag color={m.status === 'open' ? 'green' : undefined}>
              {meetingStatusLabels[m.status]}
            </Tag>
            {manage && m.status === 'scheduled' ? (
              <Button type="primary" loading={openM.isPending} onClick={() => openM.mutate()}>
                Bắt đầu họp
              </Button>
            ) : null}
            {manage && m.status === 'open' ? (
              <Popconfirm
                title="Kết thúc phiên họp và tính kết quả?"
                okText="Kết thúc"
                cancelText="Hủy"
                onConfirm={() => closeM.mutate()}
              >
                <Button type="primary" danger loading={closeM.isPending}>
                  Kết thúc phiên họp
                </Button>
              </Popconfirm>
            ) : null}
            <Button icon={<DownloadOutlined />} href={minutesUrl(m.id, 'review')}>
              Biên bản họp xét
            </Button>
            <Button icon={<DownloadOutlined />} href={minutesUrl(m.id, 'tally')}>
              Biên bản kiểm phiếu
            </Button>
          </Space>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'd', label: 'Ngày họp', children: formatDate(m.heldOn) },
          { key: 't', label: 'Giờ', children: m.startsAt ?? '—' },
          { key: 'p', label: 'Địa điểm', children: m.place ?? '—' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {openM.error ? <ErrorAlert error={openM.error} style={{ marginBottom: 12 }} /> : null}
      {closeM.error ? <ErrorAlert error={closeM.error} style={{ marginBottom: 12 }} /> : null}
      <div className="meeting-grid">
        <Attendance m={m} />
        <Agenda m={m} />
      </div>
    </>
  );
}
