import { useEffect, useRef, useState } from 'react';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { withQuery } from '../../api/client';
import { personCategories, personCategoryLabels } from '../../../shared/org';
import type { PersonCategory } from '../../../shared/org';
import { useCan } from '../../shell/current-user';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { usePeople } from './people.api';
import { PeopleTable } from './people-table';
import { PersonFormModal } from './person-form-modal';

const PAGE_SIZE = 20;
const categoryOptions = personCategories.map((c) => ({ value: c, label: personCategoryLabels[c] }));

function isCategory(v: string | null): v is PersonCategory {
  return v !== null && (personCategories as readonly string[]).includes(v);
}

/** Filters live in the URL (?q=&unitId=&category=&page=) so Back and shared links keep them. */
export default function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const categoryParam = params.get('category');
  const category = isCategory(categoryParam) ? categoryParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';

  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const canManage = useCan('person.manage');
  const canExport = useCan('person.export');

  const update = (patch: Record<string, string | undefined>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  };

  // Typing drives the URL once it settles; a URL change from elsewhere (Back) drives the input.
  const pushed = useRef(debounced);
  useEffect(() => {
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    if (debounced !== q) update({ q: debounced || undefined, page: undefined });
  });
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setSearch(q);
    }
  }, [q]);

  const people = usePeople({ search: q || undefined, unitId, category, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader
        title="Cán bộ, công chức"
        subtitle="Cán bộ, công chức, viên chức và người lao động trong phạm vi của bạn"
        extra={
          <>
            {canExport && (
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/exports/people', { unitId, search: q })}
              >
                Xuất Excel
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                Thêm cán bộ
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                label="Tìm theo họ tên"
                htmlFor="people-search"
                extra="Tìm không dấu được, ví dụ: nguyen van an"
                style={{ marginBottom: 8 }}
              >
                <Input.Search
                  id="people-search"
                  allowClear
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  onSearch={(v) => setSearch(v)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8}>
              <Form.Item label="Đơn vị" htmlFor="people-unit" style={{ marginBottom: 8 }}>
                <UnitTreeSelect
                  id="people-unit"
                  allowClear
                  placeholder="Tất cả đơn vị"
                  value={unitId}
                  onChange={(v) => update({ unitId: v, page: undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label="Đối tượng" htmlFor="people-category" style={{ marginBottom: 8 }}>
                <Select<PersonCategory>
                  id="people-category"
                  allowClear
                  placeholder="Tất cả"
                  options={categoryOptions}
                  value={category}
                  onChange={(v) => update({ category: v, page: undefined })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <ErrorAlert error={people.error} />
      <Card size="small">
        <PeopleTable
          data={people.data}
          loading={people.isFetching}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={(p) => update({ page: p > 1 ? String(p) : undefined })}
        />
      </Card>
      <PersonFormModal open={creating} onClose={() => setCreating(false)} defaultUnitId={unitId} />
    </>
  );
}
