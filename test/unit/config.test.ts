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

describe("TIDEMARK_BASE_URL", () => {
  it("is the base of outgoing links, its path kept and its trailing slash dropped", () => {
    expect(loadConfig({ TIDEMARK_BASE_URL: "https://news.example.org/tidemark/" }).publicUrl).toBe(
      "https://news.example.org/tidemark",
    );
    expect(loadConfig({ HOST: "0.0.0.0", PORT: "8080" }).publicUrl).toBe("http://0.0.0.0:8080");
  });

  it("wins over TIDEMARK_PUBLIC_URL, its older name, which still works alone", () => {
    expect(loadConfig({ TIDEMARK_PUBLIC_URL: "https://old.example.org" }).publicUrl).toBe(
      "https://old.example.org",
    );
    expect(
      loadConfig({
        TIDEMARK_PUBLIC_URL: "https://old.example.org",
        TIDEMARK_BASE_URL: "https://new.example.org",
      }).publicUrl,
    ).toBe("https://new.example.org");
  });

  it("refuses what is not an http(s) URL without query or fragment, naming the variable", () => {
    for (const bad of ["news.example.org", "ftp://news.example.org", "https://news.example.org/?a=1"]) {
      expect(() => loadConfig({ TIDEMARK_BASE_URL: bad })).toThrow(
        /TIDEMARK_BASE_URL: must be an http\(s\) URL/,
      );
    }
  });
});

describe("TIDEMARK_RETENTION_DAYS", () => {
  it("is off by default and otherwise a whole number of days", () => {
    expect(loadConfig({}).retentionDays).toBeNull();
    expect(loadConfig({ TIDEMARK_RETENTION_DAYS: "365" }).retentionDays).toBe(365);
    expect(() => loadConfig({ TIDEMARK_RETENTION_DAYS: "0" })).toThrow(/TIDEMARK_RETENTION_DAYS/);
    expect(() => loadConfig({ TIDEMARK_RETENTION_DAYS: "1y" })).toThrow(/TIDEMARK_RETENTION_DAYS/);
  });
});
