import { Button, Empty, Flex, Table, Tag } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { planDocumentUrl, usePlanVersions } from './plans.api';
import type { PlanDetail, PlanVersion } from './plans.api';

/** "Phiên bản": every issued version of the document, each downloadable as it was issued. */
export function PlanVersions({ plan }: { plan: PlanDetail }) {
  const versions = usePlanVersions(plan.id);
  if (plan.documentNumber === null)
    return (
      <Empty description="Dự thảo chưa có phiên bản ban hành. Tải bản dự thảo bằng nút Tải .docx / .pdf ở đầu trang." />
    );
  return (
    <>
      <ErrorAlert error={versions.error} />
      <Table<PlanVersion>
        size="small"
        rowKey="version"
        loading={versions.isFetching}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          {
            title: 'Phiên bản',
            dataIndex: 'version',
            width: 110,
            render: (v: number) => (
              <Flex gap={4} align="center">
                {v}
                {v === plan.documentVersion && <Tag color="blue">Hiện hành</Tag>}
              </Flex>
            ),
          },
          { title: 'Lý do', dataIndex: 'reason' },
          {
            title: 'Thời điểm',
            dataIndex: 'createdAt',
            width: 150,
            render: (d: string) => formatDateTime(d),
          },
          {
            title: 'Người thực hiện',
            dataIndex: 'createdByName',
            width: 170,
            render: (n: string | null) => n ?? '—',
          },
          {
            title: 'Tải về',
            key: 'download',
            width: 180,
            render: (_: unknown, v) => (
              <Flex gap={4}>
                <Button
                  size="small"
                  icon={<FileWordOutlined />}
                  href={planDocumentUrl(plan.id, 'docx', v.version)}
                  aria-label={`Tải phiên bản ${v.version} dạng .docx`}
                >
                  .docx
                </Button>
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  href={planDocumentUrl(plan.id, 'pdf', v.version)}
                  aria-label={`Tải phiên bản ${v.version} dạng .pdf`}
                >
                  .pdf
                </Button>
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
