import { hashPassword, passwordProblem } from "../../core/people/password-hash";
import { deleteUserSessions } from "../../db/queries/sessions";
import { createUser, getUserByName, listUsers, removeUser, setUserPassword } from "../../db/queries/users";
import { USER_ROLES, type UserRole } from "../../db/schema";
import type { CliContext } from "../cli";
import type { CliCommand } from "./command";
import { parseCommandArgs, UsageError } from "./usage";

export const usersCommand: CliCommand = {
  name: "users",
  forms: [
    {
      sub: "add",
      args: "NAME [--role admin|viewer]",
      summary: "a user; password from stdin (default role: viewer)",
    },
    { sub: "list", args: "[--json]", summary: "users with their roles" },
    { sub: "passwd", args: "NAME", summary: "new password from stdin; signs the user out everywhere" },
    { sub: "remove", args: "NAME", summary: "also ends their sessions and revokes their API tokens" },
  ],
  run: runUsers,
};

/** Names people type at the sign-in page: no spaces or look-alike punctuation to trip over. */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/**
 * `users ...`. A password never comes as an argument (it would sit in the shell history and in `ps` for every
 * local user to read): it is the first line of standard input, typed or piped.
 */
async function runUsers(ctx: CliContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  const db = ctx.database.db;
  switch (sub) {
    case "add": {
      const { values, positionals } = parseCommandArgs(rest, { role: { type: "string", default: "viewer" } });
      const name = userName(positionals);
      const role = values.role as UserRole;
      if (!USER_ROLES.includes(role)) throw new UsageError(`--role must be one of ${USER_ROLES.join(", ")}`);
      const passwordHash = await hashPassword(await newPassword(ctx));
      if (!(await createUser(db, { name, role, passwordHash }, Date.now()))) {
        ctx.err(`users: '${name}' exists already (users passwd ${name} sets a new password)`);
        return 1;
      }
      ctx.out(`users: added ${name} (${role})`);
      return 0;
    }
    case "list": {
      const { values } = parseCommandArgs(rest, { json: { type: "boolean", default: false } });
      const users = await listUsers(db);
      if (values.json) {
        const items = users.map((u) => ({ ...u, createdAt: new Date(u.createdAt).toISOString() }));
        ctx.out(JSON.stringify({ items, nextCursor: null }));
        return 0;
      }
      ctx.out("NAME\tROLE\tCREATED");
      for (const u of users) ctx.out(`${u.name}\t${u.role}\t${new Date(u.createdAt).toISOString()}`);
      return 0;
    }
    case "passwd": {
      const name = userName(parseCommandArgs(rest, {}).positionals);
      const user = await getUserByName(db, name);
      if (!user) return noSuchUser(ctx, name);
      await setUserPassword(db, name, await hashPassword(await newPassword(ctx)));
      await deleteUserSessions(db, user.id);
      ctx.out(`users: new password for ${name}; their sessions are ended`);
      return 0;
    }
    case "remove": {
      const name = userName(parseCommandArgs(rest, {}).positionals);
      if (!(await removeUser(db, name))) return noSuchUser(ctx, name);
      ctx.out(`users: removed ${name}`);
      return 0;
    }
    default:
      throw new UsageError("users: expected 'users add|list|passwd|remove'");
  }
}

function userName(positionals: string[]): string {
  const [name, extra] = positionals;
  if (!name) throw new UsageError("users: expected a user NAME");
  if (extra !== undefined)
    throw new UsageError(`users: unexpected '${extra}' (the password comes from stdin)`);
  if (!USER_NAME.test(name)) {
    throw new UsageError(
      "users: NAME must be 1-64 letters, digits or . _ @ - (starting with a letter or digit)",
    );
  }
  return name;
}

async function newPassword(ctx: CliContext): Promise<string> {
  const password = (await ctx.readStdin()).split(/\r?\n/)[0] ?? "";
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(`users: the password (first line of stdin) ${problem}`);
  return password;
}

function noSuchUser(ctx: CliContext, name: string): number {
  ctx.err(`users: no user '${name}'`);
  return 1;
}
