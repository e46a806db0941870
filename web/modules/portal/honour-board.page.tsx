import { useEffect, useState } from 'react';
import { Card, Col, Empty, Flex, Input, Pagination, Row, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue } from '../../ui/hooks';
import { IssuingUnitSelect } from '../../ui/issuing-unit-select';
import { useHonourBoard } from './honour-board.api';
import { HonourDecisionCard } from './honour-decision-card';
import { yearOptions } from './portal-format';

const PAGE_SIZE = 10;

/**
 * Bảng vinh danh: the issued award decisions with their awarded collectives and individuals;
 * search (with or without accents), issuing unit, year, pages, the decision's PDF.
 */
export default function HonourBoardPage() {
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 2000 ? yearParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unitId = params.get('unitId') ?? undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debounced = useDebouncedValue(search.trim(), 350);

  useEffect(() => {
    document.title = 'Bảng vinh danh — Cổng thông tin thi đua, khen thưởng';
  }, []);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced)
      update({ q: debounced || undefined, page: undefined });
  }, [debounced]);

  const board = useHonourBoard({
    search: params.get('q') || undefined,
    year,
    unitId,
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4, fontSize: 24 }}>
        Bảng vinh danh
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Các tập thể, cá nhân được khen thưởng theo quyết định đã ban hành; tải toàn văn quyết định.
      </Typography.Paragraph>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <Input.Search
              allowClear
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => setSearch(v)}
              placeholder="Tên tập thể, cá nhân, số quyết định (có dấu hoặc không dấu)"
              aria-label="Tìm kiếm trên bảng vinh danh"
            />
          </Col>
          <Col xs={12} md={7}>
            <IssuingUnitSelect
              id="honour-unit"
              source="public"
              placeholder="Tất cả đơn vị"
              aria-label="Đơn vị ban hành quyết định"
              value={unitId}
              onChange={(v) => update({ unitId: v, page: undefined })}
            />
          </Col>
          <Col xs={12} md={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder="Tất cả các năm"
              aria-label="Năm quyết định"
              value={year}
              onChange={(v: number | undefined) =>
                update({ year: v === undefined ? undefined : String(v), page: undefined })
              }
              options={yearOptions()}
            />
          </Col>
        </Row>
      </Card>

      <ErrorAlert error={board.error} />
      {board.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : board.data && board.data.items.length > 0 ? (
        <>
          <Typography.Paragraph type="secondary" role="status" style={{ marginBottom: 8 }}>
            {board.data.total.toLocaleString('vi-VN')} quyết định khen thưởng
          </Typography.Paragraph>
          <Flex vertical gap={12} style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}>
            {board.data.items.map((d) => (
              <HonourDecisionCard key={d.id} decision={d} />
            ))}
          </Flex>
          {board.data.total > PAGE_SIZE && (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={board.data.total}
                showSizeChanger={false}
                onChange={(p) => {
                  update({ page: p === 1 ? undefined : String(p) });
                  window.scrollTo({ top: 0 });
                }}
              />
            </Flex>
          )}
        </>
      ) : (
        <Card>
          <Empty
            description={
              params.get('q') || year || unitId
                ? 'Không có quyết định nào khớp với điều kiện tìm kiếm.'
                : 'Chưa có quyết định khen thưởng nào được ban hành.'
            }
          />
        </Card>
      )}
    </>
  );
}
