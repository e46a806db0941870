import { z } from 'zod';
import { instant, page, pageOf, pageSize } from './fields';

/**
 * Audit events as the API returns them (server/modules/audit/audit.service.ts's toEntry): the
 * audit browser and every entity's "Nhật ký" tab (plans, units, people) answer pages of these.
 */
export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: instant,
    /** Null for the system (scheduled jobs) and for events of deleted accounts. */
    actor: z.object({ id: z.number().int().nullable(), name: z.string() }).nullable(),
    action: z.string().describe('e.g. plan.created, plan.issued'),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown().describe('the changed fields before (JSON), or null'),
    after: z.unknown().describe('the changed fields after (JSON), or null'),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = pageOf(AuditEntry);

/** The paging of an entity's history. */
export const HistoryQuery = z.object({ page, pageSize });
