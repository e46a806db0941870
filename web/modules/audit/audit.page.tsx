import { useState } from 'react';
import { Button, Card, Col, DatePicker, Row, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useCan } from '../../shell/current-user';
import { AuditTable } from '../../ui/audit-table';
import { auditActionOptions, entityTypeLabel } from '../../ui/audit-labels';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue } from '../../ui/hooks';
import { FilterCard, FilterField, SelectFilter } from '../../ui/list-filters';
import { PageHeader } from '../../ui/page-header';
import { useActorOptions, useAudit } from './audit.api';

const PAGE_SIZE = 20;
const entityTypes = ['org_unit', 'person', 'user_account', 'job'];
const entityTypeOptions = entityTypes.map((t) => ({ value: t, label: entityTypeLabel(t) }));

/** Filters live in the URL: ?entityType=&entityId=&action=&actorId=&actorName=&from=&to=&page= */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const canListAccounts = useCan('account.manage');
  const [actorSearch, setActorSearch] = useState('');
  const actorTerm = useDebouncedValue(actorSearch.trim(), 300);
  const actorOptions = useActorOptions(actorTerm, canListAccounts);

  const update = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const audit = useAudit({
    entityType: get('entityType'),
    entityId: get('entityId'),
    actorId: get('actorId'),
    action: get('action'),
    from: get('from'),
    to: get('to'),
    page,
    pageSize: PAGE_SIZE,
  });

  const from = get('from');
  const to = get('to');
  const actorId = get('actorId');
  const actorName = get('actorName');

  return (
    <>
      <PageHeader
        title="Nhật ký thay đổi"
        subtitle="Ai đã thay đổi gì, khi nào; bấm vào một dòng để xem trước và sau"
      />
      <FilterCard>
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={5}>
            <SelectFilter<string>
              label="Loại đối tượng"
              id="audit-entity"
              options={entityTypeOptions}
              value={get('entityType')}
              onChange={(v) => update({ entityType: v, entityId: undefined })}
            />
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <FilterField label="Hành động" id="audit-action">
              <Select
                id="audit-action"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="Tất cả"
                value={get('action')}
                onChange={(v: string | undefined) => update({ action: v })}
                options={auditActionOptions}
              />
            </FilterField>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <FilterField label="Từ ngày" id="audit-from">
              <DatePicker
                id="audit-from"
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                placeholder="dd/mm/yyyy"
                value={from ? dayjs(from) : null}
                maxDate={to ? dayjs(to) : undefined}
                onChange={(d: Dayjs | null) => update({ from: d?.format('YYYY-MM-DD') })}
              />
            </FilterField>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <FilterField label="Đến ngày" id="audit-to">
              <DatePicker
                id="audit-to"
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                placeholder="dd/mm/yyyy"
                value={to ? dayjs(to) : null}
                minDate={from ? dayjs(from) : undefined}
                onChange={(d: Dayjs | null) => update({ to: d?.format('YYYY-MM-DD') })}
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FilterField label="Người thực hiện" id="audit-actor">
              {canListAccounts ? (
                <Select
                  id="audit-actor"
                  allowClear
                  showSearch={{ filterOption: false, onSearch: setActorSearch }}
                  placeholder="Tất cả"
                  value={actorId}
                  labelRender={() => actorName ?? actorId}
                  onChange={(v: string | undefined, option) => {
                    const label =
                      option && !Array.isArray(option) ? String(option.label ?? '') : undefined;
                    update({ actorId: v, actorName: v ? label : undefined });
                  }}
                  options={(actorOptions.data?.items ?? []).map((a) => ({
                    value: String(a.id),
                    label: a.displayName,
                  }))}
                />
              ) : actorId ? (
                <Tag closable onClose={() => update({ actorId: undefined, actorName: undefined })}>
                  {actorName ?? actorId}
                </Tag>
              ) : (
                <span id="audit-actor" style={{ color: 'rgba(0,0,0,0.45)' }}>
                  Bấm vào tên người thực hiện trong bảng để lọc
                </span>
              )}
            </FilterField>
          </Col>
        </Row>
        {get('entityId') && (
          <Tag closable onClose={() => update({ entityId: undefined })}>
            Chỉ đối tượng #{get('entityId')}
          </Tag>
        )}
        <Button
          type="link"
          onClick={() => setParams(new URLSearchParams(), { replace: true })}
          style={{ paddingInline: 0 }}
        >
          Xoá bộ lọc
        </Button>
      </FilterCard>
      <ErrorAlert error={audit.error} />
      <Card size="small">
        <AuditTable
          data={audit.data}
          loading={audit.isFetching}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={(p) => update({ page: p > 1 ? String(p) : undefined })}
          showEntity
          onActorClick={(a) => update({ actorId: String(a.id), actorName: a.name })}
        />
      </Card>
    </>
  );
}
