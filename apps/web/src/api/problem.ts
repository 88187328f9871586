import type { TFunction } from 'i18next';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details as the API sends them (api.md, Conventions). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/** Every failed API call is thrown as an ApiError carrying the problem (status 0: the network failed). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return problemCode(this.problem);
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function isProblem(x: unknown): x is Problem {
  return !!x && typeof x === 'object' && typeof (x as Problem).status === 'number' && typeof (x as Problem).title === 'string';
}

/** The stable code at the end of the problem's `type` URI (`…/problems/stale-version` → `stale-version`). */
export function problemCode(p: Problem): string {
  const tail = typeof p.type === 'string' ? p.type.split('/').pop() : '';
  if (tail && tail !== 'about:blank') return tail;
  return String(p.status);
}

export function toApiError(body: unknown, response: Response): ApiError {
  if (isProblem(body)) return new ApiError(body);
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: typeof body === 'string' ? body.slice(0, 300) : undefined,
  });
}

export const networkError = (err: unknown): ApiError =>
  new ApiError({ type: 'network', title: 'Network error', status: 0, detail: err instanceof Error ? err.message : String(err) });

/**
 * What to tell the person, in their language: a sentence for the kind of problem, and the API's own
 * detail where it says something specific (which rule, which state) — in the language the client asked
 * for with Accept-Language.
 */
export function describeProblem(error: unknown, t: TFunction): { title: string; detail?: string } {
  if (!(error instanceof ApiError)) return { title: t('problem.unexpected') };
  const p = error.problem;
  switch (error.code) {
    case 'network':
      return { title: t('problem.network') };
    case 'validation-failed':
      return { title: t('problem.validation'), detail: p.errors?.length ? undefined : p.detail };
    case 'unauthenticated':
      return { title: t('problem.unauthenticated') };
    case 'forbidden':
      return { title: t('problem.forbidden') };
    case 'not-found':
      return { title: t('problem.notFound') };
    case 'stale-version':
      return { title: t('problem.stale') };
    case 'scale-mismatch':
      return {
        title: t('problem.scaleMismatch', {
          scale: t(`enum.scale.${String(p.scale)}` as 'enum.scale.KECIL', { defaultValue: String(p.scale) }),
          regime: String(p.regime ?? ''),
        }),
        detail: typeof p.reason === 'string' ? p.reason : p.detail,
      };
    case 'duplicate':
      return { title: t('problem.duplicate'), detail: p.detail };
    case 'invalid-transition':
    case 'conflict':
      return { title: t('problem.conflict'), detail: p.detail };
    case 'payload-too-large':
      return { title: t('problem.tooLarge') };
    case 'unsupported-media-type':
      return { title: t('problem.mediaType') };
    case 'rate-limited':
      return { title: t('problem.rateLimited', { seconds: p.retryAfter ?? '' }), detail: p.detail };
    case 'dependency-unavailable':
      return { title: t('problem.unavailable') };
    default:
      if (p.status >= 500) return { title: t('problem.server'), detail: p.errorId ? t('problem.errorId', { id: String(p.errorId) }) : undefined };
      return { title: p.title, detail: p.detail };
  }
}
