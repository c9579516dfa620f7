import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../core/config";

describe("TIDEMARK_ADMIN_TOKEN", () => {
  it("refuses a token shorter than 24 characters, naming the variable and the rule", () => {
    expect(() => loadConfig({ TIDEMARK_ADMIN_TOKEN: "x" })).toThrow(ConfigError);
    expect(() => loadConfig({ TIDEMARK_ADMIN_TOKEN: "short-token-of-23-chars" })).toThrow(
      /TIDEMARK_ADMIN_TOKEN: must be at least 24 characters \(it has 23\)/,
    );
  });

  it("trims the token, so one pasted with spaces or a newline around it still matches", () => {
    const token = "a-token-of-twenty-four-c";
    expect(loadConfig({ TIDEMARK_ADMIN_TOKEN: `  ${token}\n` }).adminToken).toBe(token);
    // Spaces do not count towards the length.
    expect(() => loadConfig({ TIDEMARK_ADMIN_TOKEN: `   ${token.slice(1)}   ` })).toThrow(/at least 24/);
  });

  it("leaves the admin API off when unset or blank", () => {
    expect(loadConfig({}).adminToken).toBeUndefined();
    expect(loadConfig({ TIDEMARK_ADMIN_TOKEN: "   " }).adminToken).toBeUndefined();
  });
});
