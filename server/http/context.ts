import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Ctx, UserActor } from '../platform/context';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { contentDisposition } from '../platform/file-name';
import type { FileStorage } from '../platform/storage';

export type AppDeps = {
  db: Db;
  config: Config;
  storage: FileStorage;
  now: () => Date;
  databaseKind: 'embedded' | 'external';
  /** The embedded server's supervisor state (running, restarting, stopped), for /api/health. */
  databaseState?: () => string | undefined;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: (UserActor & { personId: number | null }) | undefined;
    sessionToken: string | undefined;
  }
}

export const SESSION_COOKIE = 'thidua_sid';

/** The service context of a signed-in request; UNAUTHENTICATED otherwise. */
export function userCtx(deps: AppDeps, req: FastifyRequest): Ctx & { actor: UserActor } {
  if (req.actor === undefined)
    throw new AppError('UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
  return {
    db: deps.db,
    actor: req.actor,
    log: req.log,
    now: deps.now,
    storage: deps.storage,
    requestId: req.id,
  };
}

/** The service context of a public page: an anonymous visitor who sees only published data. */
export function publicCtx(deps: AppDeps, req: FastifyRequest): Ctx {
  return {
    db: deps.db,
    actor: { kind: 'public' },
    log: req.log,
    now: deps.now,
    storage: deps.storage,
    requestId: req.id,
  };
}

/** Attachment headers: the name made safe, in UTF-8 with an ASCII fallback (platform/file-name). */
function asAttachment(reply: FastifyReply, fileName: string, contentType: string): FastifyReply {
  return reply
    .header('Content-Type', contentType)
    .header('Content-Disposition', contentDisposition(fileName))
    .header('Cache-Control', 'no-store');
}

/** Sends a generated file with a safe ASCII fallback name and the UTF-8 name for browsers. */
export function sendFile(
  reply: FastifyReply,
  data: Buffer,
  fileName: string,
  contentType: string,
): FastifyReply {
  return asAttachment(reply, fileName, contentType).send(data);
}

/**
 * Sends a file as it is generated (chunked, no Content-Length), with the same names as sendFile.
 * A stream that fails before its first byte becomes the usual error response; later, the
 * download breaks off. Fastify destroys the stream when the client goes away.
 */
export function sendStream(
  reply: FastifyReply,
  stream: Readable,
  fileName: string,
  contentType: string,
): FastifyReply {
  return asAttachment(reply, fileName, contentType).send(stream);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
