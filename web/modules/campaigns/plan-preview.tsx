import { useEffect } from 'react';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../ui/error-alert';
import type { PlanOutline } from '../../../shared/plan-outline';
import { usePlanPreview } from './plans.api';
import type { PlanInput } from './plans.api';
import './plans.css';

type Props = {
  planId: number;
  /** Shown when this tab is the active one: the preview refreshes each time it becomes active. */
  active: boolean;
  /** The editor's unsaved values (null: preview the saved plan). */
  getEdits: () => Partial<PlanInput> | null;
};

/** "Xem trước": the plan in its official layout, with the editor's unsaved changes applied. */
export function PlanPreview({ planId, active, getEdits }: Props) {
  const preview = usePlanPreview(planId);
  const { mutate } = preview;
  const refresh = () => mutate(getEdits() ?? {});

  useEffect(() => {
    if (active) mutate(getEdits() ?? {});
    // Refresh on activation only; getEdits changes identity on every render.
  }, [active, mutate]);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          Bản xem trước theo thể thức văn bản (Nghị định 30/2020/NĐ-CP), gồm cả thay đổi chưa lưu.
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={refresh} loading={preview.isPending}>
          Cập nhật xem trước
        </Button>
      </Flex>
      <ErrorAlert error={preview.error} />
      {preview.data ? (
        <OutlinePaper outline={preview.data} />
      ) : (
        preview.isPending && <Skeleton active paragraph={{ rows: 12 }} />
      )}
    </>
  );
}

/** An A4-like white page laid out like the printed document. */
export function OutlinePaper({ outline }: { outline: PlanOutline }) {
  const { header, signer } = outline;
  return (
    <div className="plan-paper-wrap">
      <article className="plan-paper" aria-label="Bản xem trước văn bản">
        {outline.draftMark && <div className="plan-draft-mark">{outline.draftMark}</div>}
        <div className="plan-header">
          <div className="left">
            {header.parentBody && <div>{header.parentBody}</div>}
            <div className="bold">{header.issuingBody}</div>
            <div className="rule" />
            <div>{header.number}</div>
          </div>
          <div className="right">
            <div className="bold">{header.nationalName}</div>
            <div className="bold">{header.motto}</div>
            <div className="rule motto-rule" />
            <div className="placedate">{header.placeDate}</div>
          </div>
        </div>
        <h2 className="plan-doctype">{outline.docTypeHeading}</h2>
        <p className="plan-title">{outline.title}</p>
        <div className="plan-title-rule" />
        {outline.blocks.map((b, i) => (
          <p key={i} className={`plan-block-${b.type}`}>
            {b.text}
          </p>
        ))}
        <div className="plan-footer">
          <div>
            <p className="plan-recipients-heading">{outline.recipients.heading}</p>
            {outline.recipients.lines.map((l, i) => (
              <p key={i} className="plan-recipients-line">
                {l}
              </p>
            ))}
          </div>
          {signer && (
            <div className="plan-signer">
              {signer.authority && <p>{signer.authority}</p>}
              <p>{signer.title}</p>
              <p className="name">{signer.name ?? '\u00a0'}</p>
            </div>
          )}
        </div>
      </article>
    </div>
  );
}
