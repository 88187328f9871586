import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError, ErrorCode } from './domain-error.js';
import { toProblem } from './problem.filter.js';

describe('toProblem', () => {
  it('renders a domain error with its status, fields and headers', () => {
    const { problem, headers } = toProblem(
      new DomainError(ErrorCode.RATE_LIMITED, 'slow down', { headers: { 'Retry-After': '9' }, retryAfter: 9 }),
      '/x',
    );
    expect(problem).toMatchObject({ status: 429, title: 'Too Many Requests', detail: 'slow down', instance: '/x', retryAfter: 9 });
    expect(headers).toEqual({ 'Retry-After': '9' });
  });

  it('never lets an extra member override a standard one', () => {
    const { problem } = toProblem(new DomainError(ErrorCode.CONFLICT, 'no', { status: 'OPEN', title: 'x' }), '/x');
    expect(problem).toMatchObject({ status: 409, title: 'Conflict' });
  });

  it('maps Nest HTTP exceptions', () => {
    expect(toProblem(new NotFoundException('Cannot GET /a'), '/a').problem).toMatchObject({ status: 404, detail: 'No route matches GET /a' });
    expect(toProblem(new BadRequestException('nope'), '/a').problem.status).toBe(400);
  });

  it('maps Fastify client errors by code', () => {
    const err = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toProblem(err, '/a').problem.status).toBe(413);
  });

  it('hides unexpected errors behind an id it logs', () => {
    const logged: unknown[] = [];
    const logger = { error: (...a: unknown[]) => logged.push(a) } as never;
    const { problem } = toProblem(new TypeError('secret internals'), '/a', logger);
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
    expect(problem.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(problem.detail).toContain(problem.errorId as string);
    expect(logged).toHaveLength(1);
  });
});
