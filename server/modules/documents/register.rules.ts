import type { RegisterStatus } from '../../../shared/documents';

/**
 * Pure rules of the register of outgoing documents: how a number is written, how a number typed
 * from a paper document is read, and which status changes an entry allows.
 */

/** A series: one register per issuing unit and year, per document type and issuer symbol. */
export type Series = { unitId: number; year: number; docType: string; issuerSymbol: string };

/** "KH-UBND": the document type, "-", the issuer's abbreviation (Decree 30/2020, Appendix I). */
export function documentSymbol(docType: string, issuerSymbol: string): string {
  return `${docType}-${issuerSymbol}`;
}

/**
 * "05/KH-UBND": numbers below 10 written with a leading zero, "/" before the symbol, no spaces
 * (Decree 30/2020, Appendix I).
 */
export function formatDocumentNumber(n: number, docType: string, issuerSymbol: string): string {
  return `${String(n).padStart(2, '0')}/${documentSymbol(docType, issuerSymbol)}`;
}

/**
 * Reads a number typed from a paper document ("047 / KH - UBND") against the expected symbol,
 * compared in capitals (the "Chương trình" type is written CTr). Returns the number, or why not.
 */
export function parseDocumentNumber(
  text: string,
  symbol: string,
): { number: number } | { error: string } {
  const m = /^0*(\d{1,6})\s*\/\s*(.+)$/.exec(text.trim().replace(/\s*-\s*/g, '-'));
  if (m === null || m[2]?.toLocaleUpperCase('vi') !== symbol.toLocaleUpperCase('vi'))
    return { error: `phải có dạng "47/${symbol}"` };
  const number = Number(m[1]);
  if (number <= 0) return { error: 'phải lớn hơn 0' };
  return { number };
}

export type RegisterChange = 'issue' | 'cancel';

/**
 * The entry's state machine: a reserved number is issued once its document is; a reserved or
 * issued number may be cancelled (it keeps its place in the register with the reason and is
 * never reused); a cancelled number stays cancelled. Null: the change is not allowed.
 */
export function nextRegisterStatus(
  from: RegisterStatus,
  change: RegisterChange,
): RegisterStatus | null {
  switch (change) {
    case 'issue':
      return from === 'reserved' ? 'issued' : null;
    case 'cancel':
      return from === 'cancelled' ? null : 'cancelled';
  }
}
