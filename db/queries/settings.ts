import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { settings } from "../schema";

export async function getSetting(db: Executor, key: string): Promise<string | undefined> {
  const rows = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  return rows[0]?.value;
}

/** Sets the key only if it has no value yet; true when this call set it (so exactly one caller wins). */
export async function setSettingOnce(db: Executor, key: string, value: string): Promise<boolean> {
  const rows = await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoNothing()
    .returning({ key: settings.key });
  return rows.length > 0;
}

/** Sets the key to `value`, whatever it held. */
export async function putSetting(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } });
}
