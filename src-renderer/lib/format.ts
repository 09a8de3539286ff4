import dayjs from 'dayjs';

/** "YYYY-MM-DD HH:mm" in local time; null/invalid → null so callers pick their own placeholder. */
export function formatDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : null;
}
