import type { Executor } from '../../platform/db';
import { foldVietnamese } from '../../platform/text';
import { splitPath } from './xlsx-format';
import { listUnitsAbove, listUnitsWithin, type UnitRecord } from './units.queries';

/**
 * Finds units named in a spreadsheet inside one scope unit: by system id, or by a name path that
 * may be shortened from the left ("Xã Lương Điền › Văn phòng" matches the full path). Reports
 * ambiguity instead of guessing.
 */
export type UnitResolver = {
  byId: (id: number) => UnitRecord | undefined;
  byPath: (raw: string) => { unit: UnitRecord } | { error: string };
  add: (unit: UnitRecord, fullPath: string[]) => void;
  fullPathOf: (id: number) => string[] | undefined;
};

export async function loadUnitResolver(db: Executor, scopePath: string): Promise<UnitResolver> {
  const rows = await listUnitsWithin(db, scopePath);
  // Ancestors above the scope are part of full paths too, so names can be written from the top.
  const above = await listUnitsAbove(db, scopePath);
  const names = new Map<number, string>(above.map((a) => [a.id, foldVietnamese(a.name)]));
  const byId = new Map<number, UnitRecord>();
  const fullPaths = new Map<number, string[]>();
  const suffixIndex = new Map<string, UnitRecord[]>();
  // Lists and exports name units by display name ("Bộ phận một cửa – Xã Lương Điền"): accept it.
  const byDisplayName = new Map<string, UnitRecord[]>();

  const add = (unit: UnitRecord, fullPath: string[]) => {
    byId.set(unit.id, unit);
    fullPaths.set(unit.id, fullPath);
    if (unit.displayName !== unit.name) {
      const key = foldVietnamese(unit.displayName);
      byDisplayName.set(key, [...(byDisplayName.get(key) ?? []), unit]);
    }
    for (let k = 1; k <= fullPath.length; k++) {
      const key = fullPath.slice(-k).join('\u0000');
      const list = suffixIndex.get(key);
      if (list) list.push(unit);
      else suffixIndex.set(key, [unit]);
    }
  };
  for (const u of rows) {
    names.set(u.id, foldVietnamese(u.name));
    const fullPath = u.path.split('.').map((id) => names.get(Number(id)) ?? '');
    add(u, fullPath);
  }
  return {
    byId: (id) => byId.get(id),
    fullPathOf: (id) => fullPaths.get(id),
    add,
    byPath(raw) {
      const segments = splitPath(raw);
      if (segments.length === 0) return { error: 'không được để trống' };
      const found =
        suffixIndex.get(segments.join('\u0000')) ?? byDisplayName.get(foldVietnamese(raw)) ?? [];
      if (found.length === 1 && found[0]) return { unit: found[0] };
      if (found.length === 0)
        return { error: `không tìm thấy đơn vị "${raw}" trong phạm vi được nhập` };
      return {
        error: `có ${found.length} đơn vị trùng tên "${raw}"; hãy ghi thêm đơn vị cấp trên (ngăn cách bằng ›) hoặc điền Mã đơn vị`,
      };
    },
  };
}
