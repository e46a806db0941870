import { useEffect, useMemo, useRef } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useBlocker } from 'react-router';
import { cleanContent, emptyContentValues, formValuesToInput } from './plan-form';
import type { PlanFormValues } from './plan-form';

export type DirtyTracker = { markClean: () => void; isDirty: () => boolean };

/**
 * Whether the plan form differs from what was last loaded or saved, compared as the request body
 * it would send (blank rows ignored). antd's "touched" is no use here: loading values marks
 * every field touched.
 */
export function useDirtyTracker(form: FormInstance<PlanFormValues>): DirtyTracker {
  const baseline = useRef<string | null>(null);
  return useMemo(() => {
    const snapshot = () => {
      const all = form.getFieldsValue(true) as PlanFormValues;
      const content = cleanContent(all.content ?? emptyContentValues());
      return JSON.stringify(formValuesToInput({ ...all, content }));
    };
    return {
      markClean: () => {
        baseline.current = snapshot();
      },
      isDirty: () => baseline.current !== null && snapshot() !== baseline.current,
    };
  }, [form]);
}

/**
 * Asks before leaving the page (another route, reload, closing the tab) while the form has
 * changes not saved. Switching tabs of the same page is not leaving.
 */
export function useUnsavedGuard(isDirty: () => boolean, active: boolean): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      active && currentLocation.pathname !== nextLocation.pathname && isDirty(),
  );
  const current = useRef(blocker);
  current.current = blocker;

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: 'Rời trang khi chưa lưu?',
      content: 'Những thay đổi chưa lưu của kế hoạch sẽ mất.',
      okText: 'Rời trang',
      okButtonProps: { danger: true },
      cancelText: 'Ở lại',
      onOk: () => current.current.proceed?.(),
      onCancel: () => current.current.reset?.(),
    });
  }, [blocker.state, modal]);

  useEffect(() => {
    if (!active) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (isDirty()) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [active, isDirty]);
}
