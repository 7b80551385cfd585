/**
 * The presenter's credentials travel in the URL fragment (`#code=ABC234&secret=...`), which
 * browsers never send to a server or in a Referer. Shared by the instructor and presenter pages.
 */
export interface PresenterKey {
  code: string;
  secret: string;
}

export function readPresenterKey(hash: string): PresenterKey | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code')?.trim().toUpperCase() ?? '';
  const secret = params.get('secret')?.trim() ?? '';
  return code && secret ? { code, secret } : null;
}

export function presenterFragment(key: PresenterKey): string {
  return `#code=${encodeURIComponent(key.code)}&secret=${encodeURIComponent(key.secret)}`;
}

/** Export and stream URLs: a download link or EventSource cannot send a header, so `?secret=`. */
export function withSecret(path: string, key: PresenterKey): string {
  return `${path}${path.includes('?') ? '&' : '?'}secret=${encodeURIComponent(key.secret)}`;
}
