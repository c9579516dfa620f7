/**
 * The admin bearer token, asked for on the page and kept in sessionStorage: it survives reloads of this tab but
 * not the browser session, and is never put in the URL or localStorage.
 */
const KEY = "tidemark.adminToken";

export function readAdminToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveAdminToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the token then lasts as long as the page.
  }
}
