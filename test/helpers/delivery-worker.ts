/**
 * A delivery worker in its own process, for tests that kill one or run two side by side:
 * `node --import tsx test/helpers/delivery-worker.ts <db file> <once|loop> [lease ms]`.
 * `once` drains the due events and prints the summary as JSON; `loop` keeps draining until killed.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { openDatabase } from "../../db/client";
import { deliverDueAlerts } from "../../jobs/alerts/deliver";
import { webhookDeliveryContext } from "./alerts";

const [path = "", mode = "once", leaseMs = "120000"] = process.argv.slice(2);
const database = await openDatabase({ url: `file:${path}` });
const ctx = webhookDeliveryContext(database.db);
const options = { leaseMs: Number(leaseMs) };
if (mode === "once") {
  console.log(JSON.stringify(await deliverDueAlerts(ctx, options)));
  database.close();
} else {
  console.log("ready");
  for (;;) {
    await deliverDueAlerts(ctx, options);
    await sleep(50);
  }
}
