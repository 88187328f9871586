import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
}

/** Per-request context (the request id), set by a Fastify hook and read by the audit log. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
