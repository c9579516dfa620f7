/**
 * Who is signed in, as GET /api/session last said, and the CSRF token the server bound to that session. The
 * session cookie itself is HttpOnly: this page never sees it, the browser sends it.
 */
export interface SessionState {
  user: { name: string; role: "admin" | "viewer" } | null;
  csrfToken: string | null;
}

let current: SessionState = { user: null, csrfToken: null };

export function currentSession(): SessionState {
  return current;
}

export function setSession(session: SessionState): void {
  current = session;
}

export function isSignedInAdmin(): boolean {
  return current.user?.role === "admin";
}

/**
 * The headers of a write: the admin token when one was typed on the page (scripts' way, kept for those who use
 * it), else the session's CSRF token, which the server requires beside the cookie.
 */
export function writeHeaders(adminToken?: string | null): Record<string, string> {
  if (adminToken) return { authorization: `Bearer ${adminToken}` };
  return current.csrfToken ? { "x-csrf-token": current.csrfToken } : {};
}
