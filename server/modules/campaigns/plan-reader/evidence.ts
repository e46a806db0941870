import { trimSpan, type Doc, type Span } from './document';
import type { Evidence } from './schema';

const MAX_EXCERPT = 300;

/** Collects, for each field path, the span of source text it was read from. */
export class EvidenceLog {
  readonly byField: Record<string, Evidence[]> = {};

  constructor(private readonly doc: Doc) {}

  add(field: string, span: Span): void {
    const { start, end } = trimSpan(this.doc, span);
    const raw = this.doc.text.slice(start, end).replace(/\s+/gu, ' ');
    const excerpt = raw.length > MAX_EXCERPT ? `${raw.slice(0, MAX_EXCERPT - 1)}…` : raw;
    const key = field.split('.')[0] ?? field;
    (this.byField[key] ??= []).push({ field, excerpt, start, end });
  }
}
