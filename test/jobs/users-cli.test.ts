import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../../core/people/password-hash";
import { getUserByName } from "../../db/queries/users";
import { runCli, runCliProcess } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

describe("npm run cli -- users", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeEach(async () => {
    t = await createTestDatabase();
    env = { DATABASE_URL: `file:${t.path}` };
  });
  afterEach(() => t.destroy());

  it("users add takes the password from standard input and stores only a salted scrypt hash", async () => {
    const added = await runCliProcess(
      ["users", "add", "ada", "--role", "admin"],
      env,
      60_000,
      "correct horse battery\n",
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain("added ada (admin)");
    const user = (await getUserByName(t.db, "ada"))!;
    expect(user.role).toBe("admin");
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(user.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", user.passwordHash)).toBe(true);
    expect(await verifyPassword("correct horse batter", user.passwordHash)).toBe(false);

    // The same password for another user gets another salt, so another hash.
    await runCli(["users", "add", "bob"], env, ["correct horse battery\n"]);
    expect((await getUserByName(t.db, "bob"))!.passwordHash).not.toBe(user.passwordHash);
  });

  it("users list shows names and roles with a header row, and --json in the list shape", async () => {
    await runCli(["users", "add", "ada", "--role", "admin"], env, ["a long password\n"]);
    await runCli(["users", "add", "vic"], env, ["another password\n"]);
    const table = await runCli(["users", "list"], env);
    expect(table.stdout.split("\n").slice(0, 3)).toEqual([
      "NAME\tROLE\tCREATED",
      expect.stringMatching(/^ada\tadmin\t\d{4}-/),
      expect.stringMatching(/^vic\tviewer\t\d{4}-/),
    ]);
    const json = JSON.parse((await runCli(["users", "list", "--json"], env)).stdout);
    expect(json.items.map((u: { name: string; role: string }) => [u.name, u.role])).toEqual([
      ["ada", "admin"],
      ["vic", "viewer"],
    ]);
    expect(JSON.stringify(json)).not.toContain("scrypt");
  });

  it("refuses a password as an argument, a short password, an unknown role, a bad name and a taken name", async () => {
    const asArgument = await runCli(["users", "add", "ada", "hunter2hunter2"], env, ["a long password\n"]);
    expect(asArgument.code).toBe(2);
    expect(asArgument.stderr).toContain("password comes from stdin");
    const short = await runCli(["users", "add", "ada"], env, ["short\n"]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("at least 10 characters");
    const role = await runCli(["users", "add", "ada", "--role", "root"], env, ["a long password\n"]);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("--role must be one of admin, viewer");
    const name = await runCli(["users", "add", "<b>ada"], env, ["a long password\n"]);
    expect(name.code).toBe(2);
    expect(await getUserByName(t.db, "ada")).toBeUndefined();

    await runCli(["users", "add", "ada"], env, ["a long password\n"]);
    const taken = await runCli(["users", "add", "ada", "--role", "admin"], env, ["other password\n"]);
    expect(taken.code).toBe(1);
    expect((await getUserByName(t.db, "ada"))!.role).toBe("viewer");
  });

  it("users passwd sets a new password from stdin and users remove deletes the user", async () => {
    await runCli(["users", "add", "ada"], env, ["a long password\n"]);
    expect((await runCli(["users", "passwd", "ada"], env, ["a newer password\n"])).code).toBe(0);
    const hash = (await getUserByName(t.db, "ada"))!.passwordHash;
    expect(await verifyPassword("a newer password", hash)).toBe(true);
    expect(await verifyPassword("a long password", hash)).toBe(false);
    expect((await runCli(["users", "passwd", "nobody"], env, ["a newer password\n"])).code).toBe(1);

    expect((await runCli(["users", "remove", "ada"], env)).code).toBe(0);
    expect(await getUserByName(t.db, "ada")).toBeUndefined();
    expect((await runCli(["users", "remove", "ada"], env)).code).toBe(1);
  });
});
