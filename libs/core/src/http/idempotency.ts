import { canonicalJson } from '../audit/audit.service.js';
import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, of } from 'rxjs';
import { DataSource } from 'typeorm';
import { type Actor } from '../auth/actor.js';
import { DomainError, ErrorCode, invalid } from '../errors/domain-error.js';

const HEADER = 'idempotency-key';
const IN_PROGRESS = 0;
/** How long a repeat waits for the first request with its key to finish before giving up with 409. */
const IN_FLIGHT_WAIT_MS = 15_000;

@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Claims `key` for this request; returns the stored response when it is a faithful repeat. A
   * repeat that arrives while the first is still running waits for it (polling the row) and replays
   * its response; if the first fails (its claim is released), the repeat claims the key and runs
   * itself. Only a first request still running after `waitMs` makes the repeat a 409.
   */
  async claim(scope: string, key: string, requestHash: string, waitMs = IN_FLIGHT_WAIT_MS): Promise<{ status: number; body: unknown } | null> {
    const deadline = Date.now() + waitMs;
    for (let pause = 10; ; pause = Math.min(pause * 2, 100)) {
      const inserted = await this.ds.query(
        `INSERT INTO idempotency_key (scope, key, request_hash, status_code, response)
         VALUES ($1, $2, $3, $4, 'null') ON CONFLICT DO NOTHING RETURNING key`,
        [scope, key, requestHash, IN_PROGRESS],
      );
      if (inserted.length) return null;
      const [row] = await this.ds.query(
        `SELECT request_hash, status_code, response FROM idempotency_key WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      if (!row) continue; // released between our insert and select: claim again
      if (row.request_hash !== requestHash) {
        throw new DomainError(ErrorCode.IDEMPOTENCY_MISMATCH, 'This Idempotency-Key was already used with a different request body');
      }
      if (row.status_code !== IN_PROGRESS) return { status: row.status_code, body: row.response };
      if (Date.now() >= deadline) {
        throw new DomainError(ErrorCode.CONFLICT, 'A request with this Idempotency-Key is still being processed; retry later');
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.ds.query(`UPDATE idempotency_key SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2`, [
      scope,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  }

  async release(scope: string, key: string): Promise<void> {
    await this.ds.query(`DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND status_code = $3`, [scope, key, IN_PROGRESS]);
  }
}

/**
 * `Idempotency-Key` on POST: a repeat with the same key and body replays the first response and
 * creates nothing (a repeat arriving while the first runs waits for it, then replays); the same key
 * with another body is 409. Keys are scoped to the caller and route.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyService) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    const raw = req.headers[HEADER];
    if (req.method !== 'POST' || raw === undefined) return next.handle();
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!/^[\w.:-]{1,200}$/.test(key)) throw invalid([{ field: 'Idempotency-Key', message: 'must be 1–200 characters of letters, digits, ".", ":", "_" or "-"' }]);
    const who = req.user?.userId ?? `anon:${req.ip}`;
    const scope = `${who} POST ${req.routeOptions.url ?? req.url}:${req.url}`;
    if (req.isMultipart?.()) {
      // A multipart body is a stream the handler reads: it fingerprints what it read and calls
      // `withDeferredIdempotency`, so another file under the same key is refused like another body.
      (req as DeferredRequest)[DEFERRED] = { scope, key };
      return next.handle();
    }
    const hash = createHash('sha256').update(canonicalJson(req.body ?? null)).digest('hex');
    const replay = await this.store.claim(scope, key, hash);
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    if (replay) {
      void reply.status(replay.status).header('Idempotency-Replayed', 'true');
      return of(replay.body);
    }
    return from(
      (async () => {
        try {
          const body = await new Promise<unknown>((resolve, reject) => next.handle().subscribe({ next: resolve, error: reject }));
          const status = (Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as number | undefined) ?? HttpStatus.CREATED;
          await this.store.complete(scope, key, status, body);
          return body;
        } catch (err) {
          await this.store.release(scope, key);
          throw err;
        }
      })(),
    );
  }
}

const DEFERRED = Symbol('jalin.idempotency.deferred');
type DeferredRequest = FastifyRequest & { [DEFERRED]?: { scope: string; key: string } };

/**
 * Idempotency for a multipart request, once the handler has read it: `fingerprint` stands for the
 * body (e.g. the file's sha256 and the fields). Without an Idempotency-Key it just runs.
 */
export async function withDeferredIdempotency<T>(
  store: IdempotencyService,
  req: FastifyRequest,
  fingerprint: string,
  run: () => Promise<T>,
  status = HttpStatus.CREATED,
): Promise<T> {
  const deferred = (req as DeferredRequest)[DEFERRED];
  if (!deferred) return run();
  const replay = await store.claim(deferred.scope, deferred.key, createHash('sha256').update(fingerprint).digest('hex'));
  if (replay) return replay.body as T;
  try {
    const body = await run();
    await store.complete(deferred.scope, deferred.key, status, body);
    return body;
  } catch (err) {
    await store.release(deferred.scope, deferred.key);
    throw err;
  }
}
