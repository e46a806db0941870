import { formatDate } from '../../ui/format';

/** "01/03/2022 – 31/12/2025", "Từ 01/03/2022", or '' without dates. */
export function periodText(start: string | null, end: string | null): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `Từ ${formatDate(start)}`;
  if (end) return `Đến ${formatDate(end)}`;
  return '';
}

/** The portal's year filter: next year down to 2015. */
export function yearOptions(): { value: number; label: string }[] {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2015 + 2 }, (_, i) => now + 1 - i).map((y) => ({
    value: y,
    label: `Năm ${y}`,
  }));
}
