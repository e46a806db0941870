/**
 * A small streaming XML tokenizer for the parts of Office Open XML files: text arrives in chunks
 * (a chunk may end anywhere, even inside a tag) and comes out as open / close / text events.
 * Namespace prefixes are dropped ("x:row" is "row"). No DTD: a DOCTYPE is refused (Office never
 * writes one, and it is where entity-expansion bombs live); the five predefined entities and
 * character references are decoded. One pending token may not pass MAX_PENDING characters.
 */

export type XmlAttrs = Record<string, string>;

export type XmlHandler = {
  open: (name: string, attrs: XmlAttrs, selfClosing: boolean) => void;
  close: (name: string) => void;
  /** Text between tags (decoded); may arrive in several pieces. */
  text: (text: string) => void;
};

/** A markup token (tag, comment) may not be longer than this: a bomb's, not a workbook's. */
const MAX_PENDING = 1 << 20;

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; an unknown one is left as is. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[body] ?? whole;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(body: string): XmlAttrs {
  const attrs: XmlAttrs = {};
  if (body.length === 0) return attrs;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(body); m !== null; m = ATTR.exec(body)) {
    const key = m[1];
    if (key !== undefined) attrs[localName(key)] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** The index of the `>` that ends the tag starting at `from`, skipping quoted values; -1 if not yet. */
function tagEnd(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

export class XmlStream {
  private buf = '';

  constructor(private readonly h: XmlHandler) {}

  /** Feeds the next piece of text. */
  push(chunk: string): void {
    const s = this.buf.length === 0 ? chunk : this.buf + chunk;
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text to the end; keep a possible partial entity ("&am") for the next chunk.
        const amp = s.lastIndexOf('&');
        const cut = amp >= i && s.indexOf(';', amp) < 0 ? amp : n;
        if (cut > i) this.h.text(decodeEntities(s.slice(i, cut)));
        i = cut;
        break;
      }
      if (lt > i) this.h.text(decodeEntities(s.slice(i, lt)));
      i = lt;
      const next = s.charCodeAt(lt + 1);
      let end: number;
      if (Number.isNaN(next)) break;
      if (next === 0x21 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          end = s.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          end = s.indexOf(']]>', lt + 9);
          if (end < 0) break;
          this.h.text(s.slice(lt + 9, end));
          i = end + 3;
        } else if (s.length - lt < 9) {
          break;
        } else {
          throw new XmlError('DOCTYPE or other declaration');
        }
        continue;
      }
      if (next === 0x3f /* ? */) {
        end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      end = tagEnd(s, lt + 1);
      if (end < 0) break;
      if (next === 0x2f /* / */) {
        this.h.close(localName(s.slice(lt + 2, end).trim()));
      } else {
        const selfClosing = s.charCodeAt(end - 1) === 0x2f;
        const body = s.slice(lt + 1, selfClosing ? end - 1 : end);
        let sp = 0;
        while (sp < body.length && !/\s/.test(body[sp] ?? '')) sp++;
        const name = localName(body.slice(0, sp));
        const attrs = parseAttrs(body.slice(sp));
        this.h.open(name, attrs, selfClosing);
        if (selfClosing) this.h.close(name);
      }
      i = end + 1;
    }
    this.buf = i < n ? s.slice(i) : '';
    if (this.buf.length > MAX_PENDING) throw new XmlError('token too long');
  }

  /** Ends the input; markup left open is an error. */
  end(): void {
    if (this.buf.trim().length > 0) {
      if (this.buf.includes('<')) throw new XmlError('unterminated markup');
      this.h.text(decodeEntities(this.buf));
    }
    this.buf = '';
  }
}
