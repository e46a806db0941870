import { useState } from 'react';
import { Card, Flex, Select, Typography } from 'antd';
import { formatDateTime } from '../../ui/format';
import { useBandCounts, useResults } from '../evaluation/results.api';
import type { ResultsFilter } from '../evaluation/results.api';
import { BandDistribution, ResultsTable, sortBands } from '../evaluation/results-view';

/**
 * "Kết quả đánh giá" on the public plan page: the distribution per band and the ranking. Rendered
 * only once the plan says its results are published (`resultsPublished`; the public endpoint
 * answers 404 before, which would show as a failed request in the console). No sheet links.
 */
export function PublicResults({ planId }: { planId: number }) {
  const [filter, setFilter] = useState<ResultsFilter>({ page: 1, pageSize: 20 });
  const results = useResults(planId, 'public', filter);
  const data = results.data;
  const published = data?.status === 'published';
  const counts = useBandCounts(planId, 'public', published ? data.bands : undefined);

  if (!data || !published) return null;
  return (
    <Card title="Kết quả đánh giá" style={{ marginTop: 16 }}>
      <Flex vertical gap={16}>
        {data.publishedAt && (
          <Typography.Text type="secondary">
            Công bố lúc {formatDateTime(data.publishedAt)}
          </Typography.Text>
        )}
        <section aria-label="Phân bố theo mức xếp loại">
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
            Phân bố theo mức xếp loại
          </Typography.Title>
          <BandDistribution
            bands={data.bands}
            counts={counts.counts}
            loading={counts.pending}
            selected={filter.bandKey}
            onSelect={(bandKey) => setFilter((f) => ({ ...f, bandKey, page: 1 }))}
          />
        </section>
        <section aria-label="Bảng xếp hạng">
          <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 8 }}>
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              Bảng xếp hạng
            </Typography.Title>
            <Select
              allowClear
              placeholder="Tất cả mức xếp loại"
              style={{ minWidth: 200 }}
              value={filter.bandKey}
              onChange={(bandKey?: string) => setFilter((f) => ({ ...f, bandKey, page: 1 }))}
              options={sortBands(data.bands).map((b) => ({ value: b.key, label: b.label }))}
              aria-label="Lọc theo mức xếp loại"
            />
          </Flex>
          <ResultsTable
            items={data.items}
            bands={data.bands}
            total={data.total}
            page={filter.page}
            pageSize={filter.pageSize}
            loading={results.isFetching}
            onPage={(page, pageSize) =>
              setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize }))
            }
          />
        </section>
      </Flex>
    </Card>
  );
}
