import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { describeProblem } from '../api/problem';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

/** A failed action, told in the user's language (the API's specifics below). */
export function notifyError(err: unknown, t: TFunction): void {
  const p = describeProblem(err, t);
  notifications.show({ color: 'red', title: p.title, message: p.detail ?? '', autoClose: 8000 });
}
