import { useState } from 'react';
import { Button, Card, Col, Row } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { withQuery } from '../../api/client';
import { personCategories, personCategoryLabels } from '../../../shared/org';
import type { PersonCategory } from '../../../shared/org';
import { useCan } from '../../shell/current-user';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { UnitTreeSelect } from '../../ui/unit-tree-select';
import { usePeople } from './people.api';
import { PeopleTable } from './people-table';
import { PersonFormModal } from './person-form-modal';
import { FilterCard, FilterField, SearchFilter, SelectFilter } from '../../ui/list-filters';
import { useUrlListState } from '../../ui/url-list';

const PAGE_SIZE = 20;
const categoryOptions = personCategories.map((c) => ({ value: c, label: personCategoryLabels[c] }));

function isCategory(v: string | null): v is PersonCategory {
  return v !== null && (personCategories as readonly string[]).includes(v);
}

/** Filters live in the URL (?q=&unitId=&category=&page=) so Back and shared links keep them. */
export default function PeoplePage() {
  const { params, update, q, page, search, setSearch } = useUrlListState();
  const unitId = params.get('unitId') ?? undefined;
  const categoryParam = params.get('category');
  const category = isCategory(categoryParam) ? categoryParam : undefined;

  const [creating, setCreating] = useState(false);
  const canManage = useCan('person.manage');
  const canExport = useCan('person.export');

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
      <FilterCard>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <SearchFilter
              label="Tìm theo họ tên"
              id="people-search"
              example="nguyen van an"
              value={search}
              onChange={setSearch}
            />
          </Col>
          <Col xs={24} sm={12} md={8}>
            <FilterField label="Đơn vị" id="people-unit">
              <UnitTreeSelect
                id="people-unit"
                allowClear
                placeholder="Tất cả đơn vị"
                value={unitId}
                onChange={(v) => update({ unitId: v, page: undefined })}
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <SelectFilter<PersonCategory>
              label="Đối tượng"
              id="people-category"
              options={categoryOptions}
              value={category}
              onChange={(v) => update({ category: v, page: undefined })}
            />
          </Col>
        </Row>
      </FilterCard>
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
