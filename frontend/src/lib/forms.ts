import { notifications } from '@mantine/notifications';
import { toApiError, type ApiError } from '../api';

/** emailLooksValid is the browser's first check of an address (Go has the final word). */
export function emailLooksValid(s: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/.test(s.trim());
}

interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
}

/**
 * showApiError puts a Go error next to the field it concerns when the form has that field
 * (fieldMap maps Go's json field to the form path, or the same name when absent); otherwise it
 * shows a notification. It returns the ApiError, and whether it landed on a field.
 */
export function showApiError(
  e: unknown,
  form?: FieldErrorTarget,
  fields?: Record<string, string> | string[],
  title = 'Not saved',
): { error: ApiError; onField: boolean } {
  const error = toApiError(e);
  if (form && error.field) {
    let path: string | undefined;
    if (Array.isArray(fields)) path = fields.includes(error.field) ? error.field : undefined;
    else if (fields) path = fields[error.field];
    if (path) {
      form.setFieldError(path, error.message);
      return { error, onField: true };
    }
  }
  notifications.show({ color: 'red', title, message: error.message, autoClose: 8000 });
  return { error, onField: false };
}

