import dayjs from 'dayjs';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('DD/MM/YYYY') : '';
}

export function formatNumber(n: number | null | undefined): string {
  return typeof n === 'number' ? n.toLocaleString('vi-VN') : '';
}

/** "Tỉnh A › Xã B" from a unit path. */
export function formatPath(path: readonly { name: string }[]): string {
  return path.map((p) => p.name).join(' › ');
}
