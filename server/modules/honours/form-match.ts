import { foldVietnamese } from '../../platform/text';
import type { AwardSubject } from '../../../shared/awards';
import { versionOn } from '../awards/index';

/**
 * Finds the catalogue form a past award names (decision 036): by its code or by the folded name of
 * any of its versions, for the award's subject (a "Giấy khen" to a person is GK_CN, to a
 * collective GK_TT). The version recorded is the one in force on the award's date; an award older
 * than the catalogue's versions keeps the form's code (so streaks count) without a version. A name
 * the catalogue does not know is kept as text.
 */

export type CatalogueForm = {
  code: string;
  versions: readonly {
    id: number;
    name: string;
    subject: AwardSubject;
    validFrom: string;
    validTo: string | null;
  }[];
};

export type FormMatch =
  | { kind: 'catalogue'; code: string; versionId: number | null; name: string }
  | { kind: 'text'; name: string }
  | { kind: 'ambiguous'; codes: string[] };

export type FormMatcher = {
  match: (text: string, subject: AwardSubject, onDate: string) => FormMatch;
  version: (id: number) => { code: string; name: string; subject: AwardSubject } | undefined;
};

export function formMatcher(forms: readonly CatalogueForm[]): FormMatcher {
  const byKey = new Map<string, CatalogueForm[]>();
  const byVersion = new Map<number, { code: string; name: string; subject: AwardSubject }>();
  const add = (key: string, form: CatalogueForm) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(form)) list.push(form);
    byKey.set(key, list);
  };
  for (const form of forms) {
    add(form.code.toLowerCase(), form);
    for (const v of form.versions) {
      add(foldVietnamese(v.name), form);
      byVersion.set(v.id, { code: form.code, name: v.name, subject: v.subject });
    }
  }
  return {
    version: (id) => byVersion.get(id),
    match(text, subject, onDate) {
      const key = foldVietnamese(text);
      const candidates = (byKey.get(key) ?? byKey.get(text.trim().toLowerCase()) ?? []).filter(
        (f) => f.versions.some((v) => v.subject === subject),
      );
      if (candidates.length === 0) return { kind: 'text', name: text };
      if (candidates.length > 1) return { kind: 'ambiguous', codes: candidates.map((f) => f.code) };
      const form = candidates[0];
      if (form === undefined) return { kind: 'text', name: text };
      const own = form.versions.filter((v) => v.subject === subject);
      const inForce = versionOn(own, onDate);
      const named = inForce ?? own[own.length - 1];
      return {
        kind: 'catalogue',
        code: form.code,
        versionId: inForce?.id ?? null,
        name: named?.name ?? text,
      };
    },
  };
}
