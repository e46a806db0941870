import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { id, instant, isoDate, page, pageOf, pageSize } from './fields';

/** The audit trail: who changed what, when, with the values before and after. */

/** The page of one entity's history (GET /api/units/:id/history, /api/people/:id/history). */
export const HistoryQuery = z.object({ page, pageSize });

export const AuditQuery = z.object({
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(50).optional(),
  actorId: id.optional(),
  action: z.string().trim().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page,
  pageSize,
});

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: instant,
    /** Null for the system (jobs, the seed) or a deleted account. */
    actor: z.object({ id: z.number().int().nullable(), name: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    /** False for the second or so until the sealer chains it (decision 032): "chưa niêm phong". */
    sealed: z.boolean(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;

/** The newest signed checkpoint of the audit chain and the key that verifies it (decision 032). */
export const AuditAnchorResponse = z
  .object({
    /** Null until the first anchor is written. */
    anchor: z
      .object({
        seq: z.number().int(),
        hash: z.string(),
        at: instant,
        keyId: z.string(),
        /** Base64 Ed25519 signature of `signedText`. */
        signature: z.string(),
        /** The exact text signed: "thidua-audit-anchor/1\n<seq>\n<hash>\n<at>". */
        signedText: z.string(),
      })
      .nullable(),
    algorithm: z.literal('Ed25519'),
    /** SPKI PEM; null until the key is created with the first anchor. */
    publicKey: z.string().nullable(),
  })
  .meta({ id: 'AuditAnchor' });
export type AuditAnchorResponse = z.infer<typeof AuditAnchorResponse>;

export const auditEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/audit',
    summary: 'Browse the audit trail (audit.view): everything for administrators, else the subtree',
    tags: ['audit'],
    access: 'user',
    query: AuditQuery,
    response: AuditPage,
  }),
  anchor: defineEndpoint({
    method: 'GET',
    path: '/api/public/audit-anchor',
    summary:
      "The audit chain's newest signed anchor and the public key, for anyone to copy and check",
    tags: ['audit'],
    access: 'public',
    response: AuditAnchorResponse,
  }),
};
