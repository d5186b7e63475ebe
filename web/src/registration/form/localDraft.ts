import type { DeclarationForm } from '../declarationForm';

// What an applicant typed and has not (fully) saved, kept in localStorage per user and per draft so a
// reload, a closed tab or a failed save loses nothing. Cleared once the server holds all of it.

export interface LocalDraft {
  form: DeclarationForm;
  reservationId: string;
  /** When it was last written on this device (ISO instant). */
  at: string;
}

const PREFIX = 'qes.applicationDraft';

/** The storage key of one draft: an application id, or "new:<reservation>" before its first save. */
export function localDraftKey(userId: string, draft: string): string {
  return `${PREFIX}:${userId}:${draft}`;
}

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<LocalDraft>;
    if (!value.form || typeof value.form !== 'object' || typeof value.at !== 'string') return null;
    return { form: value.form, reservationId: value.reservationId ?? '', at: value.at };
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, draft: LocalDraft): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the form still works, only without this safety net.
  }
}

export function removeLocalDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // As above.
  }
}
