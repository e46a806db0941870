import { useEffect, useState, useSyncExternalStore } from 'react';
import { Form } from 'antd';

/** The value, once it has stopped changing for `delay` ms. */
export function useDebouncedValue<T>(value: T, delay = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(t);
  }, [value, delay]);
  return debounced;
}

/** Synchronous media query (no flash of the desktop layout on a phone). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below antd's `lg` breakpoint the menu becomes a drawer and panels stack. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 991.98px)');
}

/**
 * A modal's form and its error message, both cleared each time the modal opens (so a reopened
 * modal never shows the last attempt's values or errors).
 */
export function useModalForm<V>(open: boolean) {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setError(null);
      form.resetFields();
    }
  }, [open, form]);
  return { form, error, setError };
}
