import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { KeyedEvidence } from './plan-import-form';

/** Shows an excerpt's place in the source: scrolls to it and makes it flash for a moment. */
export type SourceHandle = { show: (key: number) => void };

type Segment = { text: string; keys: number[] };

/**
 * Cuts the text at every evidence boundary; a piece covered by one or more excerpts carries their
 * keys (overlapping excerpts, e.g. a whole list and one of its rows, are both kept).
 */
function segmentsOf(text: string, evidence: readonly KeyedEvidence[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const e of evidence) {
    cuts.add(Math.max(0, Math.min(text.length, e.start)));
    cuts.add(Math.max(0, Math.min(text.length, e.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] ?? 0;
    const to = points[i + 1] ?? from;
    if (to <= from) continue;
    const keys = evidence.filter((e) => e.start <= from && e.end >= to).map((e) => e.key);
    const last = out[out.length - 1];
    // Merge neighbours with the same coverage (fewer DOM nodes for long plain stretches).
    if (last && last.keys.join() === keys.join()) last.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), keys });
  }
  return out;
}

type Props = {
  text: string;
  evidence: readonly KeyedEvidence[];
  /** Labels of found fields by evidence key (the mark's tooltip). */
  labelOf: (key: number) => string;
  /** A highlighted passage was clicked: show the field it belongs to. */
  onMarkClick: (keys: number[]) => void;
  /** Height of the scrolling area (CSS). */
  height: string;
  ref?: Ref<SourceHandle>;
};

export function PlanImportSource({ text, evidence, labelOf, onMarkClick, height, ref }: Props) {
  const segments = useMemo(() => segmentsOf(text, evidence), [text, evidence]);
  const scroller = useRef<HTMLDivElement>(null);
  const [flash, setFlash] = useState<number | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const show = useCallback((key: number) => {
    const box = scroller.current;
    const mark = box?.querySelector<HTMLElement>(`mark[data-ev~="${key}"]`);
    if (!box || !mark) return;
    // When the panel is off screen (stacked layout on a phone), bring it into view first.
    const rect = box.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight)
      box.scrollIntoView({ block: 'start', behavior: 'smooth' });
    // The scroller is the mark's offset parent (position: relative).
    const top = mark.offsetTop;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: 'smooth' });
    window.clearTimeout(timer.current);
    setFlash(null);
    window.requestAnimationFrame(() => setFlash(key));
    timer.current = window.setTimeout(() => setFlash(null), 1800);
  }, []);

  useImperativeHandle(ref, () => ({ show }), [show]);

  return (
    <div
      ref={scroller}
      className="pi-source"
      style={{ height, position: 'relative' }}
      tabIndex={0}
      role="region"
      aria-label="Văn bản gốc"
    >
      {segments.map((s, i) =>
        s.keys.length === 0 ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark
            key={i}
            data-ev={s.keys.join(' ')}
            className={flash !== null && s.keys.includes(flash) ? 'pi-flash' : undefined}
            title={[...new Set(s.keys.map(labelOf))].join(', ')}
            onClick={() => onMarkClick(s.keys)}
          >
            {s.text}
          </mark>
        ),
      )}
    </div>
  );
}
