// localStorage that never throws (private windows, disabled storage): preferences then last the visit.
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
}

export const STORAGE_KEYS = {
  language: 'qes.language',
  elder: 'qes.elder',
  session: 'qes.session',
} as const;
