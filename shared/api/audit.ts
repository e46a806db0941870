import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { id, instant, isoDate, page, pageOf, pageSize } from './fields';

/** The audit trail: who changed what, when, with the values before and after. */

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
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;

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
};
