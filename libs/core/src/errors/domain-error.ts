/** Stable error codes; each maps to an HTTP status and a problem `type`. */
export enum ErrorCode {
  VALIDATION = 'validation-failed',
  UNAUTHENTICATED = 'unauthenticated',
  FORBIDDEN = 'forbidden',
  NOT_FOUND = 'not-found',
  CONFLICT = 'conflict',
  INVALID_TRANSITION = 'invalid-transition',
  DUPLICATE = 'duplicate',
  STALE_VERSION = 'stale-version',
  SCALE_MISMATCH = 'scale-mismatch',
  IDEMPOTENCY_MISMATCH = 'idempotency-key-reused',
  PAYLOAD_TOO_LARGE = 'payload-too-large',
  UNSUPPORTED_MEDIA_TYPE = 'unsupported-media-type',
  RATE_LIMITED = 'rate-limited',
  DEPENDENCY_DOWN = 'dependency-unavailable',
  INTERNAL = 'internal-error',
}

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.VALIDATION]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.DUPLICATE]: 409,
  [ErrorCode.STALE_VERSION]: 409,
  [ErrorCode.SCALE_MISMATCH]: 409,
  [ErrorCode.IDEMPOTENCY_MISMATCH]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.DEPENDENCY_DOWN]: 503,
  [ErrorCode.INTERNAL]: 500,
};

export const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface FieldError {
  field: string;
  message: string;
}

/** A rule of the domain was broken; rendered as RFC 9457 problem details by the global filter. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} was not found`);
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.CONFLICT, message, extra);
export const invalid = (errors: FieldError[], message = 'The request is invalid') =>
  new DomainError(ErrorCode.VALIDATION, message, { errors });
export const staleVersion = (current: number) =>
  new DomainError(ErrorCode.STALE_VERSION, `The resource has changed since you read it (current version ${current})`, {
    currentVersion: current,
  });
