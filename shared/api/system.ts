import { z } from 'zod';
import { defineEndpoint } from './endpoint';

/** Endpoints of the process itself: health and this description. */

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'external']),
  version: z.string(),
});

export const systemEndpoints = {
  health: defineEndpoint({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database check',
    tags: ['system'],
    access: 'public',
    response: Health,
  }),
  openApi: defineEndpoint({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 description',
    tags: ['system'],
    access: 'public',
    response: { kind: 'file', contentType: 'application/json' },
  }),
};
