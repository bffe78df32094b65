const KEY = 'olympiad.judge.mazeField.';

/**
 * The maze field this judge last stood at, so opening a category again (or the app after a
 * restart) comes back to it when the judge has several fields. The URL keeps it across reloads.
 */
export function readRememberedField(judgeId: string): string | null {
  try {
    return window.localStorage.getItem(KEY + judgeId);
  } catch {
    return null;
  }
}

export function rememberField(judgeId: string, fieldId: string): void {
  try {
    window.localStorage.setItem(KEY + judgeId, fieldId);
  } catch {
    // Only the convenience is lost: the URL still names the field.
  }
}
