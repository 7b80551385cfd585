/** `localStorage`, or null when the browser refuses it (private modes, blocked third-party storage). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
