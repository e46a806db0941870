import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReactNode } from 'react';
import { Alert, App, Button, Collapse, Flex, Form, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import type { FieldError } from '../../api/client';
import { isApiError } from '../../api/client';
import { applyPlanErrors, readCleanInput, sectionOf, toNamePath } from './plan-form';
import type { PlanFormValues, SectionKey } from './plan-form';
import { useAmendPlan, useCreatePlan, useUpdatePlan } from './plans.api';
import type { Plan, PlanDetail } from './plans.api';
import { EditableContext } from './editor/fields';
import { GeneralSection } from './editor/general-section';
import { LegalBasesSection } from './editor/legal-bases-section';
import {
  AimsSection,
  ContentsSection,
  CriteriaSection,
  ParticipantsSection,
} from './editor/content-sections';
import { TimeSection } from './editor/time-section';
import { DossierSection, RewardsSection } from './editor/rewards-section';
import { CascadeSection } from './editor/cascade-section';
import { AssignmentsSection, ClosingSection, ContestSection } from './editor/other-sections';
import { useUnsavedGuard } from './unsaved-guard';
import { FOCUS_PARAM, FixDatesButton, PastDatesAlert } from './issue-outlook';
import { CarriedBanner, CarriedSectionExtra } from './carried-review';
import './plans.css';

export type EditorMode = 'create' | 'edit' | 'amend' | 'view';

type Props = {
  form: FormInstance<PlanFormValues>;
  mode: EditorMode;
  /** The saved plan (absent when creating). */
  plan?: PlanDetail;
  /** Units the plan may be issued by (create); the plan's own unit otherwise. */
  unitOptions: { value: string; label: string }[];
  /** Create: the issued plan this one implements. */
  parentPlanId?: number | null;
  /** Amend: the reason given in the amend dialog. */
  amendReason?: string | null;
  onSaved: (plan: Plan) => void;
  /** The form differs from the saved plan (asks before leaving the page). */
  isDirty: () => boolean;
  onCancelAmend?: () => void;
  /** Reloads the saved plan into the form (after a conflict). */
  onReload?: () => void;
};

const defaultOpen: SectionKey[] = ['general', 'bases', 'aims', 'contents', 'time'];

/**
 * The structured plan editor: one collapsible section per part of the document. Saves with the
 * plan's version (PATCH for a draft, /amend for an issued plan); server field errors land on the
 * matching field, list rows included, and in a summary above the form.
 */
export function PlanEditor(props: Props) {
  const { form, mode, plan } = props;
  const { message } = App.useApp();
  const editable = mode !== 'view';
  const kind = Form.useWatch('kind', form);
  const [open, setOpen] = useState<string[]>(
    mode === 'view' ? ['general', 'contents'] : defaultOpen,
  );
  const [summary, setSummary] = useState<{ message: string; fields: FieldError[] } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const amend = useAmendPlan();
  const saving = create.isPending || update.isPending || amend.isPending;
  useUnsavedGuard(props.isDirty, editable);

  const reveal = (fields: string[]) => {
    const sections = new Set(fields.map(sectionOf));
    setOpen((prev) => [...new Set([...prev, ...sections])]);
    const first = fields[0];
    if (first !== undefined)
      window.setTimeout(() => form.scrollToField(toNamePath(first), { block: 'center' }), 50);
  };

  // "?field=periodEnd" (the issue dialog's "Sửa ngày trong dự thảo"): open, scroll to and focus it.
  const [params, setParams] = useSearchParams();
  const focusRequest = params.get(FOCUS_PARAM);
  useEffect(() => {
    if (!focusRequest) return;
    const section = sectionOf(focusRequest);
    setOpen((prev) => (prev.includes(section) ? prev : [...prev, section]));
    const timer = window.setTimeout(() => {
      form.scrollToField(toNamePath(focusRequest), { block: 'center' });
      form.focusField(toNamePath(focusRequest));
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete(FOCUS_PARAM);
          return next;
        },
        { replace: true },
      );
    }, 120);
    return () => window.clearTimeout(timer);
  }, [focusRequest, form, setParams]);

  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') && mode !== 'create') {
      setConflict(e.message);
      return;
    }
    const result = applyPlanErrors(form, e);
    setSummary(result);
    if (result.fields.length > 0) reveal(result.fields.map((f) => f.field));
  };

  const save = async () => {
    setSummary(null);
    setConflict(null);
    try {
      await form.validateFields();
    } catch (e) {
      const errorFields = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields;
      if (errorFields && errorFields.length > 0) {
        reveal(errorFields.map((f) => f.name.join('.')));
        return;
      }
    }
    const body = readCleanInput(form);
    const done = (saved: Plan, text: string) => {
      void message.success(text);
      props.onSaved(saved);
    };
    if (mode === 'create') {
      const issuingUnitId = form.getFieldValue('issuingUnitId') as string;
      create.mutate(
        { ...body, issuingUnitId, parentPlanId: props.parentPlanId ?? null },
        { onSuccess: (p) => done(p, 'Đã tạo dự thảo kế hoạch.'), onError },
      );
    } else if (mode === 'edit' && plan) {
      update.mutate(
        { id: plan.id, version: plan.version, ...body },
        { onSuccess: (p) => done(p, 'Đã lưu dự thảo.'), onError },
      );
    } else if (mode === 'amend' && plan && props.amendReason) {
      const { docType: _d, issuerSymbol: _s, ...changes } = body;
      amend.mutate(
        { id: plan.id, version: plan.version, reason: props.amendReason, ...changes },
        {
          onSuccess: (p) => done(p, `Đã điều chỉnh kế hoạch (phiên bản ${p.documentVersion}).`),
          onError,
        },
      );
    }
  };

  const carried = new Map(
    (plan?.status === 'draft' ? plan.carriedSections : []).map((c) => [c.section as string, c]),
  );
  const openSection = (key: string) => {
    setOpen((prev) => (prev.includes(key) ? prev : [...prev, key]));
    window.setTimeout(
      () =>
        document
          .querySelector(`.plan-section-${key}`)
          ?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
      50,
    );
  };
  const item = (key: SectionKey, label: string, children: ReactNode) => {
    const review = carried.get(key);
    return {
      key,
      label,
      children,
      forceRender: true,
      className: `plan-section-${key}`,
      extra:
        review && plan ? (
          <CarriedSectionExtra planId={plan.id} review={review} editable={mode === 'edit'} />
        ) : undefined,
    };
  };
  const items = [
    item(
      'general',
      'Thông tin chung',
      <GeneralSection
        unitOptions={props.unitOptions}
        unitLocked={mode !== 'create'}
        numberLocked={mode === 'amend' || mode === 'view'}
      />,
    ),
    item('bases', 'Căn cứ', <LegalBasesSection excludePlanId={plan?.id} />),
    item('aims', 'Mục đích, yêu cầu, chủ đề, mục tiêu', <AimsSection />),
    item('contents', 'Nội dung thi đua', <ContentsSection />),
    item('participants', 'Đối tượng thi đua', <ParticipantsSection />),
    item('criteria', 'Tiêu chí thi đua', <CriteriaSection />),
    item('time', 'Thời gian, sơ kết, tổng kết', <TimeSection />),
    item('rewards', 'Khen thưởng', <RewardsSection />),
    item('dossier', 'Hồ sơ đề nghị khen thưởng', <DossierSection />),
    item('assignments', 'Tổ chức thực hiện', <AssignmentsSection />),
    item('cascade', 'Kế hoạch của đơn vị cấp dưới', <CascadeSection planId={plan?.id} />),
    ...(kind === 'contest' ? [item('contest', 'Cuộc thi', <ContestSection />)] : []),
    item('closing', 'Câu kết, nơi nhận, người ký', <ClosingSection />),
  ];

  return (
    <EditableContext value={editable}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title="Kế hoạch vừa được người khác thay đổi"
          description={`${conflict} Tải lại sẽ lấy bản mới nhất; những gì bạn chưa lưu sẽ mất.`}
          action={
            props.onReload && (
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  setConflict(null);
                  props.onReload?.();
                }}
              >
                Tải lại
              </Button>
            )
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {summary && <ErrorSummary summary={summary} onPick={(f) => reveal([f])} />}
      {plan && <CarriedBanner plan={plan} onPick={openSection} />}
      {plan?.status === 'draft' && plan.issueOutlook && (
        <PastDatesAlert outlook={plan.issueOutlook} className="plan-past-dates-draft">
          <div style={{ marginTop: 8 }}>
            {mode === 'edit' ? (
              <FixDatesButton outlook={plan.issueOutlook} />
            ) : (
              'Cán bộ thi đua của đơn vị sửa được các ngày này trong dự thảo.'
            )}
          </div>
        </PastDatesAlert>
      )}
      {mode === 'amend' && (
        <Alert
          type="info"
          showIcon
          title="Đang điều chỉnh kế hoạch đã ban hành"
          description={`Lý do: ${props.amendReason ?? ''}. Lưu sẽ tạo phiên bản mới; số và ngày ban hành giữ nguyên.`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<PlanFormValues>
        form={form}
        layout="vertical"
        disabled={!editable}
        className={editable ? undefined : 'plan-readonly'}
        name="plan-editor"
        onFinish={() => void save()}
        scrollToFirstError={false}
      >
        <Collapse
          className="plan-editor-sections"
          activeKey={open}
          onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
          items={items}
        />
        {editable && (
          <div className="plan-save-bar">
            <Flex gap={8} wrap align="center">
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={false}
                onClick={() => void save()}
              >
                {mode === 'create'
                  ? 'Tạo dự thảo'
                  : mode === 'amend'
                    ? 'Lưu điều chỉnh'
                    : 'Lưu dự thảo'}
              </Button>
              {mode === 'amend' && (
                <Button onClick={props.onCancelAmend} disabled={saving}>
                  Thôi điều chỉnh
                </Button>
              )}
              <Typography.Text type="secondary" className="plan-save-hint">
                Dòng trống được bỏ qua khi lưu.
              </Typography.Text>
            </Flex>
          </div>
        )}
      </Form>
    </EditableContext>
  );
}

function ErrorSummary({
  summary,
  onPick,
}: {
  summary: { message: string; fields: FieldError[] };
  onPick: (field: string) => void;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={
        summary.fields.length > 0 ? 'Chưa lưu được: vui lòng sửa các mục sau' : summary.message
      }
      description={
        summary.fields.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {summary.fields.map((f) => (
              <li key={f.field}>
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => onPick(f.field)}
                >
                  {f.label ?? f.field}
                </Button>
                : {f.message}
              </li>
            ))}
          </ul>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
