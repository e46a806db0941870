import { formatDate } from '../../ui/format';

/** "01/03/2022 – 31/12/2025", "Từ 01/03/2022", or '' without dates. */
export function periodText(start: string | null, end: string | null): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `Từ ${formatDate(start)}`;
  if (end) return `Đến ${formatDate(end)}`;
  return '';
}
