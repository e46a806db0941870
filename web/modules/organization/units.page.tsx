import { useEffect, useRef, useState } from 'react';
import { Button, Card, Col, Empty, Form, List, Row, Spin, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { roleAllows } from '../../../shared/permissions';
import { useCurrentUser } from '../../shell/current-user';
import { UnitFormModal } from './unit-form-modal';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { formatPath } from '../../ui/format';
import { useDebouncedValue, useIsMobile } from '../../ui/hooks';
import { SearchFilter } from '../../ui/list-filters';
import { PageHeader } from '../../ui/page-header';
import { UnitDetailPanel } from './unit-detail';
import { UnitTree } from './unit-tree';
import { useUnit, useUnitSearch } from './units.api';

/** Org structure: a lazily loaded tree (or search results) beside the selected unit's details. */
export default function UnitsPage() {
  const { unitId } = useParams();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const results = useUnitSearch(term);
  const selected = useUnit(unitId);
  const detailRef = useRef<HTMLDivElement>(null);
  const me = useCurrentUser();
  // Top-level units (provinces) are created by system-wide administrators only.
  const canCreateRoot = me.grants.some(
    (g) => g.unitId === null && roleAllows(g.role, 'unit.manage'),
  );
  const [creatingRoot, setCreatingRoot] = useState(false);

  const select = (id: string) => void navigate(`/units/${id}`);

  useEffect(() => {
    if (isMobile && unitId)
      detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [isMobile, unitId]);

  return (
    <>
      <PageHeader
        title="Cơ cấu tổ chức"
        subtitle="Đơn vị hành chính, cơ quan chuyên môn và đơn vị trực thuộc"
        extra={
          canCreateRoot && (
            <Button icon={<PlusOutlined />} onClick={() => setCreatingRoot(true)}>
              Thêm tỉnh / thành phố
            </Button>
          )
        }
      />
      <UnitFormModal
        open={creatingRoot}
        onClose={() => setCreatingRoot(false)}
        mode={{ kind: 'create', parent: null }}
        onSaved={(u) => select(String(u.id))}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card size="small">
            <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
              <SearchFilter
                label="Tìm đơn vị"
                id="unit-search"
                example="luong dien"
                placeholder="Tên đơn vị"
                value={search}
                onChange={setSearch}
                style={{ marginBottom: 12 }}
              />
            </Form>
            {term ? (
              <SearchResults
                loading={results.isFetching}
                error={results.error}
                items={results.data?.items ?? []}
                total={results.data?.total ?? 0}
                selectedId={unitId}
                onSelect={select}
              />
            ) : (
              <UnitTree
                selectedId={unitId}
                selectedPath={selected.data?.path}
                onSelect={select}
                height={isMobile ? 360 : 600}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <div ref={detailRef} style={{ scrollMarginTop: 72 }}>
            {unitId ? (
              <UnitDetailPanel id={unitId} onSelect={select} />
            ) : (
              <Card>
                <Empty description="Chọn một đơn vị trên cây để xem chi tiết" />
              </Card>
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}

type ResultsProps = {
  loading: boolean;
  error: unknown;
  items: {
    id: string | number;
    name: string;
    kindLabel: string;
    active: boolean;
    path: { name: string }[];
  }[];
  total: number;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
};

function SearchResults({ loading, error, items, total, selectedId, onSelect }: ResultsProps) {
  if (error) return <ErrorAlert error={error} />;
  if (loading && items.length === 0) return <Spin description="Đang tìm…" />;
  return (
    <>
      <Typography.Text type="secondary" aria-live="polite">
        {total > items.length ? `Hiển thị ${items.length}/${total} kết quả` : `${total} kết quả`}
      </Typography.Text>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: 'Không tìm thấy đơn vị' }}
        renderItem={(u) => (
          <List.Item style={{ padding: 0 }}>
            <button
              type="button"
              className="unit-result"
              aria-current={String(u.id) === selectedId ? 'true' : undefined}
              onClick={() => onSelect(String(u.id))}
            >
              <Typography.Text strong>{u.name}</Typography.Text>{' '}
              {!u.active && <Tag>Ngừng hoạt động</Tag>}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.kindLabel} · {formatPath(u.path.slice(0, -1)) || 'cấp cao nhất'}
              </Typography.Text>
            </button>
          </List.Item>
        )}
      />
    </>
  );
}
