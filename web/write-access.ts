import { readAdminToken } from "./admin-token";
import { isSignedInAdmin } from "./session";

/**
 * How this page may write: the admin token typed under Sources (or kept from earlier in this tab), "" for a
 * signed-in admin (the write then goes with the session's CSRF token), or null when it may not write at all.
 */
export function writeToken(): string | null {
  const typed = (document.getElementById("admin-token") as HTMLInputElement | null)?.value.trim();
  return typed || readAdminToken() || (isSignedInAdmin() ? "" : null);
}
