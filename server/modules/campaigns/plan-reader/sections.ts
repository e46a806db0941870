import { tokensIn, type Block, type Doc, type Span } from './document';
import { matchAnyAt } from './fold';

/**
 * Sections of the body found by the words their heading starts with ("2. Đối tượng thi đua",
 * "I1. POI TUQNG, TIEU CHIi:"), and the items inside them (paragraphs, numbered and bulleted
 * items, "a. Tập thể: …" labelled items).
 */

export type Section = { heading: Block; blocks: Block[]; span: Span };

/** Label of a block: the text after its marker up to ":" (when short), and what follows it. */
export type Labelled = { label: Span | null; content: Span | null };

const MAX_LABEL = 80;

export function labelOf(doc: Doc, block: Block): Labelled {
  const raw = doc.text.slice(block.contentStart, block.end);
  const colon = raw.indexOf(':');
  if (colon >= 0 && colon <= MAX_LABEL && !/\n|[.;]\s/u.test(raw.slice(0, colon))) {
    const after = raw.slice(colon + 1);
    const label = { start: block.contentStart, end: block.contentStart + colon };
    const lead = after.length - after.trimStart().length;
    const content =
      after.replace(/[\s*]+/gu, '') === ''
        ? null
        : { start: block.contentStart + colon + 1 + lead, end: block.end };
    return { label, content };
  }
  return { label: null, content: { start: block.contentStart, end: block.end } };
}

/** True for a numbered or lettered block (not a bullet): a possible heading. */
function isHeading(block: Block): boolean {
  return block.marker !== null && block.marker.kind !== 'bullet';
}

/** The heading text of a block: its label, or its whole (short) content. */
function headingSpan(doc: Doc, block: Block): Span | null {
  if (!isHeading(block)) return null;
  const { label, content } = labelOf(doc, block);
  if (label) return label;
  if (content && content.end - content.start <= 120) return content;
  return null;
}

/**
 * The most specific section whose heading starts with one of `phrases` (deepest level first,
 * then the first in the text); it runs to the next heading of the same or a higher level.
 */
export function findSection(doc: Doc, phrases: readonly string[]): Section | null {
  let index = -1;
  let level = 0;
  for (const [i, block] of doc.blocks.entries()) {
    const span = headingSpan(doc, block);
    if (!span || !block.marker) continue;
    if (!matchAnyAt(tokensIn(doc, span), 0, phrases)) continue;
    if (index < 0 || block.marker.level > level) {
      index = i;
      level = block.marker.level;
    }
  }
  const heading = doc.blocks[index];
  if (!heading) return null;
  const blocks: Block[] = [];
  for (const block of doc.blocks.slice(index + 1)) {
    if (isHeading(block) && block.marker && block.marker.level <= level) break;
    blocks.push(block);
  }
  const last = blocks[blocks.length - 1] ?? heading;
  return { heading, blocks, span: { start: heading.start, end: last.end } };
}

export type Item = {
  /** The whole item after its marker. */
  full: Span;
  /** The item after its own label ("a. Tập thể: UBND…" → "UBND…"). */
  content: Span;
  label: Span | null;
  /** The nearest group label above it ("a. Đối với tập thể:"), or its own label. */
  group: Span | null;
};

/**
 * The items of a section: the heading's own text after its colon, then every block. A block that
 * only says "… :" (a group label such as "a. Đối với tập thể:" or "Gồm 5 nội dung, cụ thể:") is not
 * an item but becomes the `group` of the items after it; "a. Tập thể: UBND…" is an item whose group
 * is its own label.
 */
export function sectionItems(doc: Doc, section: Section): Item[] {
  const items: Item[] = [];
  const head = labelOf(doc, section.heading);
  if (head.label && head.content) {
    items.push({ full: head.content, content: head.content, label: head.label, group: head.label });
  }
  let group: { span: Span; level: number } | null = null;
  for (const block of section.blocks) {
    const level = block.marker?.level ?? 10;
    if (group && level <= group.level && isHeading(block)) group = null;
    const { label, content } = labelOf(doc, block);
    if (label && !content) {
      group = { span: label, level };
      continue;
    }
    const full = { start: block.contentStart, end: block.end };
    const own = label && isHeading(block) ? label : null;
    items.push({ full, content: content ?? full, label, group: own ?? group?.span ?? null });
  }
  return items;
}
