import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import { ApiError, describeProblem } from '../api/problem';

export type FieldErrors = Record<string, string>;

export interface MapOptions {
  /** Strip this prefix from the API's field paths (`organization.` for the register form). */
  prefix?: string;
  /** The form's own field names; errors for other fields are shown above the form. */
  known?: (field: string) => boolean;
}

/**
 * Maps a problem's `errors[{ field, message }]` onto form fields: `organization.capacities.0.quantity`
 * with prefix `organization.` → `capacities.0.quantity`. Errors for fields the form does not show are
 * returned in `rest`. Several messages for one field are joined.
 */
export function mapFieldErrors(err: ApiError, t: TFunction, opts: MapOptions = {}): { fields: FieldErrors; rest: string[] } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const e of err.fieldErrors) {
    const name = opts.prefix && e.field.startsWith(opts.prefix) ? e.field.slice(opts.prefix.length) : e.field;
    const text = t('form.fieldInvalid', { message: e.message });
    if (opts.known && !opts.known(name)) rest.push(`${name}: ${e.message}`);
    else fields[name] = fields[name] ? `${fields[name]}; ${e.message}` : text;
  }
  return { fields, rest };
}

export interface FormProblem {
  title: string;
  detail?: string;
  items?: string[];
}

/** Form state with field errors from problem details. Field names are the API's field paths. */
export function useForm<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const k = String(key);
      if (!Object.keys(e).some((f) => f === k || f.startsWith(`${k}.`))) return e;
      return Object.fromEntries(Object.entries(e).filter(([f]) => f !== k && !f.startsWith(`${k}.`)));
    });
  }, []);

  /** Shows an API error on the form; returns true when it was a validation problem with field errors. */
  const fail = useCallback((err: unknown, t: TFunction, opts: MapOptions = {}): boolean => {
    if (err instanceof ApiError && err.fieldErrors.length) {
      const { fields, rest } = mapFieldErrors(err, t, opts);
      setErrors(fields);
      setProblem({ title: t('problem.validation'), items: rest.length ? rest : undefined });
      return true;
    }
    setErrors({});
    setProblem(describeProblem(err, t));
    return false;
  }, []);

  const clear = useCallback(() => {
    setErrors({});
    setProblem(null);
  }, []);

  /** The error for a field or any of its children (for a list builder's heading). */
  const errorUnder = useCallback(
    (prefix: string) => errors[prefix] ?? Object.entries(errors).find(([f]) => f.startsWith(`${prefix}.`))?.[1],
    [errors],
  );

  return { values, setValues, set, errors, setErrors, problem, setProblem, fail, clear, errorUnder };
}

export type Form<T extends object> = ReturnType<typeof useForm<T>>;
