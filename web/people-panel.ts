import {
  type ApiToken,
  createApiToken,
  getApiTokens,
  getSession,
  revokeApiToken,
  signOut,
  type TokenScope,
} from "./api";
import { byId, h } from "./element";
import { formatInstant } from "./format";
import { currentSession, isSignedInAdmin, setSession } from "./session";

/**
 * The Account panel: who is signed in, sign-in and sign-out, and for admins the API tokens (made here, shown
 * once, revoked here). Loads the session first, so every write the page makes afterwards can carry its CSRF
 * token.
 */
export async function setupPeople(context: () => { tz: string; locale: string }): Promise<void> {
  const status = byId("account-status");
  const tokensPanel = byId("api-tokens");
  try {
    setSession(await getSession());
  } catch (error) {
    status.textContent = `Could not ask who is signed in: ${(error as Error).message}`;
    return;
  }
  const { user } = currentSession();
  if (!user) {
    const next = `/signin?next=${encodeURIComponent(location.pathname + location.search)}`;
    status.replaceChildren("Not signed in. ", h("a", { href: next, id: "sign-in-link" }, "Sign in"));
    return;
  }
  const out = h("button", { type: "button", id: "sign-out" }, "Sign out");
  out.addEventListener("click", () => {
    void signOut()
      .then(() => location.assign("/signin"))
      .catch((error: unknown) => {
        status.append(` ${(error as Error).message}`);
      });
  });
  status.replaceChildren(`Signed in as ${user.name} (${user.role}). `, out);
  if (isSignedInAdmin()) setupTokens(tokensPanel, context);
}

function setupTokens(panel: HTMLElement, context: () => { tz: string; locale: string }): void {
  panel.hidden = false;
  const body = byId<HTMLTableSectionElement>("tokens-body");
  const tokensStatus = byId("tokens-status");
  const once = byId("token-once");

  async function reload(): Promise<void> {
    try {
      body.replaceChildren(...(await getApiTokens()).map((t) => tokenRow(t, context(), revoke)));
    } catch (error) {
      tokensStatus.textContent = `Could not load API tokens: ${(error as Error).message}`;
    }
  }

  function revoke(token: ApiToken): void {
    if (!confirm(`Revoke the API token “${token.name}”? Scripts using it stop working at once.`)) return;
    void revokeApiToken(token.id)
      .then(() => {
        tokensStatus.textContent = `Revoked “${token.name}”.`;
        return reload();
      })
      .catch((error: unknown) => {
        tokensStatus.textContent = `Failed: ${(error as Error).message}`;
      });
  }

  byId<HTMLFormElement>("make-token").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "").trim();
    const scope = String(data.get("scope") ?? "read") as TokenScope;
    if (!name) return;
    void createApiToken(name, scope)
      .then((made) => {
        once.hidden = false;
        once.replaceChildren(
          `Token “${made.name}” (${made.scope}): `,
          h("code", { id: "new-token" }, made.token),
          h("br"),
          "Copy it now: it is not shown again. Send it as Authorization: Bearer <token>.",
        );
        form.reset();
        tokensStatus.textContent = "";
        return reload();
      })
      .catch((error: unknown) => {
        tokensStatus.textContent = `Failed: ${(error as Error).message}`;
      });
  });
  void reload();
}

function tokenRow(token: ApiToken, ctx: { tz: string; locale: string }, revoke: (t: ApiToken) => void) {
  const button = h("button", { type: "button" }, "Revoke");
  button.addEventListener("click", () => revoke(token));
  const when = (iso: string | null) => (iso ? formatInstant(iso, ctx.tz, ctx.locale) : "never");
  return h(
    "tr",
    { "data-token-id": token.id },
    h("th", { scope: "row" }, token.name),
    h("td", {}, token.scope),
    h("td", {}, token.createdBy ?? "admin token"),
    h("td", {}, when(token.createdAt)),
    h("td", {}, when(token.lastUsedAt)),
    h("td", {}, button),
  );
}
