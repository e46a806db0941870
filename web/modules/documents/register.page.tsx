import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { documentTypeLabels, registerStatusLabels } from '../../../shared/documents';
import type { RegisterStatus } from '../../../shared/documents';
import { useCurrentUser } from '../../shell/current-user';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate, formatDateTime } from '../../ui/format';
import { useMediaQuery } from '../../ui/hooks';
import { FilterCard, FilterField, SearchFilter, SelectFilter } from '../../ui/list-filters';
import { PageHeader } from '../../ui/page-header';
import { ReasonModal } from '../../ui/reason-modal';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { useUrlListState } from '../../ui/url-list';
import './documents.css';
import { documentRegisterXlsxUrl, useCancelNumber, useDocumentRegister } from './documents.api';
import type { RegisterRow } from './documents.api';

const PAGE_SIZE = 50;
const thisYear = new Date().getFullYear();
const statusColors: Record<RegisterStatus, string> = {
  reserved: 'gold',
  issued: 'green',
  cancelled: 'red',
};

const typeLabel = (t: string) => documentTypeLabels[t] ?? t;
const rowKey = (r: RegisterRow) => `${r.docType}/${r.issuerSymbol}/${r.number}`;

function StatusCell({ row }: { row: RegisterRow }) {
  if (row.status === null) return <Tag>Số bỏ trống</Tag>;
  return (
    <>
      <Tag color={statusColors[row.status]}>{registerStatusLabels[row.status]}</Tag>
      {row.status === 'cancelled' && row.reason && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          Lý do: {row.reason}
          {row.cancelledAt ? ` (${formatDateTime(row.cancelledAt)})` : ''}
        </Typography.Text>
      )}
    </>
  );
}

function Summary({ row }: { row: RegisterRow }) {
  if (row.gap)
    return <Typography.Text type="secondary">Chưa có văn bản nào mang số này</Typography.Text>;
  const text = row.summary ?? '—';
  return row.subjectKind === 'plan' && row.subjectId !== null ? (
    <Link to={`/plans/${row.subjectId}`}>{text}</Link>
  ) : (
    <>{text}</>
  );
}

/**
 * Sổ văn bản đi: the register of outgoing documents of a unit for a year, read-only, with its
 * gaps and cancelled numbers; the unit's register officer may cancel a number (server-decided
 * `canCancel`). Filters live in the URL: ?unitId=&year=&docType=&q=&page=
 */
export default function DocumentRegisterPage() {
  const me = useCurrentUser();
  const { params, update, q, page, search, setSearch } = useUrlListState();
  const phone = useMediaQuery('(max-width: 767.98px)');
  const ownUnit = me.grants.find((g) => g.unitId !== null)?.unitId;
  const unitId = params.get('unitId') ?? (ownUnit === undefined ? undefined : String(ownUnit));
  const year = Number(params.get('year')) || thisYear;
  const docType = params.get('docType') ?? undefined;
  const register = useDocumentRegister(unitId, {
    year,
    docType,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const data = register.data;
  const years = [...new Set([thisYear, year, ...(data?.years ?? [])])].sort((a, b) => b - a);
  const [cancelling, setCancelling] = useState<RegisterRow | null>(null);
  const cancel = useCancelNumber();
  const { message } = App.useApp();

  const actions = (r: RegisterRow) =>
    r.canCancel && r.id !== null ? (
      <Button
        size="small"
        danger
        icon={<StopOutlined />}
        onClick={() => {
          cancel.reset();
          setCancelling(r);
        }}
      >
        Hủy số
      </Button>
    ) : null;

  const columns: TableColumnsType<RegisterRow> = [
    { title: 'Số, ký hiệu', dataIndex: 'documentNumber', width: 140 },
    {
      title: 'Ngày ban hành',
      dataIndex: 'issuedOn',
      width: 120,
      render: (d: string | null) => formatDate(d) || '—',
    },
    { title: 'Loại', dataIndex: 'docType', width: 120, render: typeLabel },
    { title: 'Trích yếu nội dung', key: 'summary', render: (_: unknown, r) => <Summary row={r} /> },
    {
      title: 'Tình trạng',
      key: 'status',
      width: 260,
      render: (_: unknown, r) => <StatusCell row={r} />,
    },
    { title: '', key: 'actions', width: 110, render: (_: unknown, r) => actions(r) },
  ];
  const compactColumns: TableColumnsType<RegisterRow> = [
    {
      title: 'Văn bản',
      key: 'entry',
      render: (_: unknown, r) => (
        <div>
          <Flex justify="space-between" align="start" gap={8}>
            <span>
              <Typography.Text strong>{r.documentNumber}</Typography.Text>
              {r.issuedOn && (
                <Typography.Text type="secondary"> · {formatDate(r.issuedOn)}</Typography.Text>
              )}
            </span>
            {actions(r)}
          </Flex>
          <div>
            <Summary row={r} />
          </div>
          <div style={{ marginTop: 4 }}>
            <StatusCell row={r} />
          </div>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Sổ văn bản đi"
        subtitle={
          data
            ? `${data.unit.name} · năm ${data.year}: số đã cấp, số bỏ trống và số đã hủy`
            : 'Sổ đăng ký văn bản đi của đơn vị: số đã cấp, số bỏ trống và số đã hủy'
        }
        extra={
          unitId !== undefined && (
            <Button
              icon={<FileExcelOutlined />}
              href={documentRegisterXlsxUrl(unitId, { year, docType, q: q || undefined })}
            >
              Xuất Excel
            </Button>
          )
        }
      />
      <FilterCard>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={7}>
            <FilterField label="Đơn vị" id="register-unit">
              <UnitTreeSelect
                id="register-unit"
                value={unitId}
                allowClear={false}
                placeholder="Chọn đơn vị"
                onChange={(v) => update({ unitId: v, page: undefined })}
              />
            </FilterField>
          </Col>
          <Col xs={12} md={6} xl={3}>
            <SelectFilter<number>
              label="Năm"
              id="register-year"
              options={years.map((y) => ({ value: y, label: String(y) }))}
              value={year}
              onChange={(v) =>
                update({ year: v && v !== thisYear ? String(v) : undefined, page: undefined })
              }
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <SelectFilter<string>
              label="Loại văn bản"
              id="register-type"
              options={(data?.docTypes ?? []).map((t) => ({ value: t, label: typeLabel(t) }))}
              value={docType}
              onChange={(v) => update({ docType: v, page: undefined })}
            />
          </Col>
          <Col xs={24} xl={10}>
            <SearchFilter
              label="Tìm theo số, trích yếu"
              id="register-search"
              example="05/kh, cai cach hanh chinh"
              value={search}
              onChange={setSearch}
            />
          </Col>
        </Row>
      </FilterCard>
      {unitId === undefined && (
        <Alert type="info" showIcon title="Chọn một đơn vị để xem sổ văn bản đi của đơn vị đó." />
      )}
      <ErrorAlert error={register.error} />
      {data && data.gapCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Năm ${data.year} có ${data.gapCount.toLocaleString('vi-VN')} số bỏ trống (số chưa dùng, nằm dưới số lớn nhất đã cấp).`}
        />
      )}
      {unitId !== undefined && (
        <Card size="small">
          <Table<RegisterRow>
            size="small"
            rowKey={rowKey}
            loading={register.isFetching}
            dataSource={data?.items ?? []}
            columns={phone ? compactColumns : columns}
            scroll={phone ? undefined : { x: 900 }}
            rowClassName={(r) => (r.gap ? 'register-gap' : '')}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
              showTotal: (total) => `${total.toLocaleString('vi-VN')} dòng`,
            }}
            locale={{
              emptyText:
                q || docType
                  ? 'Không có số nào phù hợp bộ lọc'
                  : `Năm ${year} đơn vị chưa cấp số văn bản nào`,
            }}
          />
        </Card>
      )}
      <ReasonModal
        open={cancelling !== null}
        title={`Hủy số ${cancelling?.documentNumber ?? ''}`}
        intro="Số bị hủy vẫn được giữ trong sổ cùng lý do và không được cấp lại cho văn bản khác. Văn bản mang số này không thay đổi."
        okText="Hủy số"
        danger
        loading={cancel.isPending}
        error={cancel.error ? cancel.error.message : null}
        onClose={() => setCancelling(null)}
        onSubmit={(reason) => {
          if (cancelling?.id == null) return;
          cancel.mutate(
            { entryId: cancelling.id, reason },
            {
              onSuccess: () => {
                void message.success(`Đã hủy số ${cancelling.documentNumber}.`);
                setCancelling(null);
              },
            },
          );
        }}
      />
    </>
  );
}
