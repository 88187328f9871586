import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredLocale } from '../http/locale.js';
import { DomainError, ErrorCode, type FieldError, TITLES } from './domain-error.js';
import { localizeDetail, localizeFieldErrors } from './localize.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://jalin.go.id/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
  errorId?: string;
  [k: string]: unknown;
}

/** Fastify's own error codes that are the client's fault, with the status they deserve. */
const FASTIFY_CLIENT_ERRORS: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, ErrorCode.PAYLOAD_TOO_LARGE],
  FST_REQ_FILE_TOO_LARGE: [413, ErrorCode.PAYLOAD_TOO_LARGE],
  FST_FILES_LIMIT: [413, ErrorCode.PAYLOAD_TOO_LARGE],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, ErrorCode.UNSUPPORTED_MEDIA_TYPE],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, ErrorCode.UNSUPPORTED_MEDIA_TYPE],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, ErrorCode.VALIDATION],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, ErrorCode.VALIDATION],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, ErrorCode.VALIDATION],
};

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400: return ErrorCode.VALIDATION;
    case 401: return ErrorCode.UNAUTHENTICATED;
    case 403: return ErrorCode.FORBIDDEN;
    case 404: return ErrorCode.NOT_FOUND;
    case 409: return ErrorCode.CONFLICT;
    case 413: return ErrorCode.PAYLOAD_TOO_LARGE;
    case 415: return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    case 429: return ErrorCode.RATE_LIMITED;
    case 503: return ErrorCode.DEPENDENCY_DOWN;
    default: return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.CONFLICT;
  }
}

/** Turns anything thrown into RFC 9457 problem details. Unexpected errors get an id that is logged. */
export function toProblem(exception: unknown, instance: string, logger?: Logger): { problem: Problem; headers: Record<string, string> } {
  let status = 500;
  let code = ErrorCode.INTERNAL;
  let detail = 'An unexpected error occurred';
  let errors: FieldError[] | undefined;
  let headers: Record<string, string> = {};
  let extra: Record<string, unknown> = {};

  if (exception instanceof DomainError) {
    status = exception.status;
    code = exception.code;
    detail = exception.message;
    const { errors: e, headers: h, ...rest } = exception.extra;
    errors = e;
    headers = h ?? {};
    extra = rest;
  } else if (exception instanceof HttpException) {
    status = exception.getStatus();
    code = codeForStatus(status);
    const body = exception.getResponse();
    const msg = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    detail = Array.isArray(msg) ? msg.join('; ') : typeof msg === 'string' ? msg : exception.message;
    if (status === 404 && /^Cannot /.test(detail)) detail = `No route matches ${detail.replace(/^Cannot /, '')}`;
  } else if (exception && typeof exception === 'object' && 'code' in exception && typeof exception.code === 'string' && FASTIFY_CLIENT_ERRORS[exception.code]) {
    [status, code] = FASTIFY_CLIENT_ERRORS[exception.code];
    detail = (exception as unknown as Error).message;
  } else if (exception && typeof exception === 'object' && 'statusCode' in exception && typeof exception.statusCode === 'number' && exception.statusCode >= 400 && exception.statusCode < 500) {
    status = exception.statusCode;
    code = codeForStatus(status);
    detail = (exception as unknown as Error).message;
  }

  // Extra members never override the standard ones (an extra named `status` must not change the status).
  const problem: Problem = {
    ...extra,
    type: `${TYPE_BASE}${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance,
  };
  if (errors) problem.errors = errors;
  if (status >= 500) {
    const errorId = randomUUID();
    problem.errorId = errorId;
    if (status === 500) problem.detail = `An unexpected error occurred; quote error id ${errorId} when reporting it`;
    logger?.error({ err: exception, errorId, instance }, `Unhandled error ${errorId}`);
  }
  return { problem, headers };
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { problem, headers } = toProblem(exception, req.url, this.logger);
    // Field messages and the detail follow Accept-Language when it prefers Indonesian (the console
    // sends its language); without the header they stay English, the API's language for integrators.
    const locale = preferredLocale(req.headers['accept-language'], 'en');
    try {
      if (problem.errors) problem.errors = localizeFieldErrors(problem.errors, locale);
      problem.detail = localizeDetail(problem.detail, locale);
    } catch (err) {
      // A translation must never turn a problem into another one: the English stands.
      this.logger.warn({ err }, 'problem text not translated');
    }
    void reply.status(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
  }
}
