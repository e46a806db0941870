import { useEffect, useState } from 'react';
import { Steps, Typography } from 'antd';
import { useIsMobile } from '../../ui/hooks';
import { PageHeader } from '../../ui/page-header';
import { useReadPlan } from './plan-import.api';
import type { PlanReading, ReadSource } from './plan-import.api';
import { ReviewStep } from './plan-import-review';
import { SourceStep } from './plan-import-upload';
import './plan-import.css';

type Step = 'source' | 'review';

export default function PlanImportPage() {
  const read = useReadPlan();
  const isMobile = useIsMobile();
  const [reading, setReading] = useState<PlanReading | null>(null);

  useEffect(() => {
    document.title = 'Nhập kế hoạch từ văn bản — ThiĐua';
  }, []);

  const step: Step = reading ? 'review' : 'source';
  const onRead = (source: ReadSource) => read.mutate(source, { onSuccess: (r) => setReading(r) });

  return (
    <>
      <PageHeader
        title="Nhập kế hoạch từ văn bản"
        subtitle="Đọc một kế hoạch đã có (tệp .docx, .pdf, .txt hoặc văn bản dán vào), đối chiếu rồi tạo dự thảo"
        breadcrumb={[{ title: 'Kế hoạch thi đua', to: '/plans' }, { title: 'Nhập từ văn bản' }]}
      />
      {isMobile ? (
        <Typography.Paragraph strong style={{ marginBottom: 12 }}>
          Bước {step === 'source' ? '1/3: Tải văn bản lên' : '2/3: Đối chiếu, sửa thông tin'}
        </Typography.Paragraph>
      ) : (
        <Steps
          size="small"
          current={step === 'source' ? 0 : 1}
          style={{ marginBottom: 16 }}
          items={[
            { title: 'Tải văn bản lên' },
            { title: 'Đối chiếu, sửa thông tin' },
            { title: 'Tạo dự thảo' },
          ]}
        />
      )}
      {reading ? (
        <ReviewStep reading={reading} onRestart={() => setReading(null)} />
      ) : (
        <SourceStep onRead={onRead} reading={read.isPending} error={read.error} />
      )}
    </>
  );
}
