import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Signed checkpoints of the audit chain's head, kept outside the database (decision 032).
 *
 * `DATA_DIR/audit-anchors/` holds an Ed25519 signing key (`signing-key.pem`, mode 0600, never in
 * the database) and `anchors.jsonl`, an append-only file of one JSON object a line:
 * `{seq, hash, at, keyId, signature}`. The signature covers `thidua-audit-anchor/1`, seq, hash and
 * at. Someone who can change the database but not this folder can neither rewrite nor truncate the
 * chain up to the last anchor without `verify-audit` noticing; anyone holding the public key
 * (shown at GET /api/public/audit-anchor) can check an anchor they copied.
 */

export const ANCHOR_DIR_NAME = 'audit-anchors';
export const ANCHOR_FILE = 'anchors.jsonl';
export const SIGNING_KEY_FILE = 'signing-key.pem';

export type Anchor = { seq: number; hash: string; at: string; keyId: string; signature: string };
export type ChainHead = { seq: number; hash: string };

/** A line of the anchors file that is not a well-formed anchor (1-based line number). */
export type BadAnchorLine = { line: number; text: string };

export function anchorDirOf(dataDir: string): string {
  return path.join(dataDir, ANCHOR_DIR_NAME);
}

function message(a: Pick<Anchor, 'seq' | 'hash' | 'at'>): Buffer {
  return Buffer.from(`thidua-audit-anchor/1\n${a.seq}\n${a.hash}\n${a.at}`, 'utf8');
}

/** First 16 hex digits of the SHA-256 of the public key (DER): names the key in each anchor. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export type AnchorKey = { privateKey: KeyObject; publicKey: KeyObject; keyId: string };

/** The signing key of `dir`, or undefined when none was created yet. */
export function readAnchorKey(dir: string): AnchorKey | undefined {
  let pem: string;
  try {
    pem = fs.readFileSync(path.join(dir, SIGNING_KEY_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The signing key of `dir`, created (Ed25519, file mode 0600) on first use. */
export function ensureAnchorKey(dir: string): AnchorKey {
  const existing = readAnchorKey(dir);
  if (existing) return existing;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  try {
    fs.writeFileSync(path.join(dir, SIGNING_KEY_FILE), pem, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = readAnchorKey(dir);
  if (!key) throw new Error(`audit anchor key not readable in ${dir}`);
  return key;
}

export function publicKeyPem(key: AnchorKey): string {
  return key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

function isAnchor(v: unknown): v is Anchor {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    Number.isSafeInteger(a.seq) &&
    typeof a.hash === 'string' &&
    typeof a.at === 'string' &&
    typeof a.keyId === 'string' &&
    typeof a.signature === 'string'
  );
}

/**
 * Every anchor of `dir` in file order, and the lines that are not anchors. A last line without
 * its newline (a write torn by a crash) is ignored.
 */
export function readAnchors(dir: string): {
  anchors: (Anchor & { line: number })[];
  bad: BadAnchorLine[];
} {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, ANCHOR_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { anchors: [], bad: [] };
    throw e;
  }
  const lines = text.split('\n');
  lines.pop(); // '' after the final newline, or a torn last line
  const anchors: (Anchor & { line: number })[] = [];
  const bad: BadAnchorLine[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch {
      v = undefined;
    }
    if (isAnchor(v)) anchors.push({ ...v, line: i + 1 });
    else bad.push({ line: i + 1, text: l.slice(0, 200) });
  });
  return { anchors, bad };
}

/** True when `a` is signed by `key`. */
export function isAnchorSigned(a: Anchor, key: AnchorKey): boolean {
  if (a.keyId !== key.keyId) return false;
  try {
    return verify(null, message(a), key.publicKey, Buffer.from(a.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Signs the head and appends it to `dir`/anchors.jsonl, fsynced (creating the key on first use). */
export function appendAnchor(dir: string, head: ChainHead, at: Date): Anchor {
  const key = ensureAnchorKey(dir);
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  const anchor: Anchor = {
    ...body,
    keyId: key.keyId,
    signature: sign(null, message(body), key.privateKey).toString('base64'),
  };
  const file = path.join(dir, ANCHOR_FILE);
  const fd = fs.openSync(file, 'a+', 0o644);
  try {
    // A torn last line (crash mid-write) is closed first so this anchor starts on its own line.
    const size = fs.fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    fs.writeSync(fd, `${prefix}${JSON.stringify(anchor)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return anchor;
}

/** The newest anchor of `dir` (the file's last well-formed line), or undefined. */
export function lastAnchor(dir: string): Anchor | undefined {
  const { anchors } = readAnchors(dir);
  const a = anchors.at(-1);
  if (!a) return undefined;
  const { line: _line, ...anchor } = a;
  return anchor;
}
