import { describe, expect, it } from "vitest";
import { type BucketPlan, bucketIndex, type Interval, planBuckets } from "../../../core/time/time-buckets";
import { wallClock } from "../../helpers/wall-clock";

const iso = (ms: number) => new Date(ms).toISOString().replace(":00.000Z", "Z");
const pad = (n: number) => String(n).padStart(2, "0");

/** Every hour from a UTC instant, as the edges list writes it ("2025-03-30T01:00Z"). */
function hourlyUtc(startIso: string, count: number): string[] {
  const start = Date.parse(startIso);
  return Array.from({ length: count }, (_, i) => iso(start + i * 3_600_000));
}

function edgesOf(plan: BucketPlan) {
  return plan.edges.map(iso);
}

interface Case {
  name: string;
  input: { from: string; to: string; interval: Interval; tz: string };
  labels: string[];
  edges: string[];
}

const cases: Case[] = [
  {
    name: "Berlin days around the spring-forward day, which lasts 23 hours",
    input: { from: "2025-03-29", to: "2025-03-31", interval: "day", tz: "Europe/Berlin" },
    labels: ["2025-03-29", "2025-03-30", "2025-03-31"],
    edges: ["2025-03-28T23:00Z", "2025-03-29T23:00Z", "2025-03-30T22:00Z", "2025-03-31T22:00Z"],
  },
  {
    name: "Berlin days around the fall-back day, which lasts 25 hours",
    input: { from: "2025-10-25", to: "2025-10-27", interval: "day", tz: "Europe/Berlin" },
    labels: ["2025-10-25", "2025-10-26", "2025-10-27"],
    edges: ["2025-10-24T22:00Z", "2025-10-25T22:00Z", "2025-10-26T23:00Z", "2025-10-27T23:00Z"],
  },
  {
    name: "Berlin hours on 2025-03-30: 23 of them, 02:00 skipped",
    input: { from: "2025-03-30", to: "2025-03-30", interval: "hour", tz: "Europe/Berlin" },
    labels: [
      "2025-03-30T00:00+01:00",
      "2025-03-30T01:00+01:00",
      ...Array.from({ length: 21 }, (_, i) => `2025-03-30T${pad(i + 3)}:00+02:00`),
    ],
    edges: hourlyUtc("2025-03-29T23:00Z", 24),
  },
  {
    name: "Berlin hours on 2025-10-26: 25 of them, 02:00 twice with different offsets",
    input: { from: "2025-10-26", to: "2025-10-26", interval: "hour", tz: "Europe/Berlin" },
    labels: [
      "2025-10-26T00:00+02:00",
      "2025-10-26T01:00+02:00",
      "2025-10-26T02:00+02:00",
      ...Array.from({ length: 22 }, (_, i) => `2025-10-26T${pad(i + 2)}:00+01:00`),
    ],
    edges: hourlyUtc("2025-10-25T22:00Z", 26),
  },
  {
    name: "Asia/Kolkata days start at 18:30 UTC",
    input: { from: "2025-01-01", to: "2025-01-03", interval: "day", tz: "Asia/Kolkata" },
    labels: ["2025-01-01", "2025-01-02", "2025-01-03"],
    edges: ["2024-12-31T18:30Z", "2025-01-01T18:30Z", "2025-01-02T18:30Z", "2025-01-03T18:30Z"],
  },
  {
    name: "Asia/Kathmandu hours start at a quarter past the UTC hour",
    input: { from: "2025-01-01", to: "2025-01-01", interval: "hour", tz: "Asia/Kathmandu" },
    labels: Array.from({ length: 24 }, (_, i) => `2025-01-01T${pad(i)}:00+05:45`),
    edges: Array.from({ length: 25 }, (_, i) => iso(Date.parse("2024-12-31T18:15Z") + i * 3_600_000)),
  },
  {
    name: "America/Sao_Paulo in 2025 keeps -03:00 all year (no DST since 2019)",
    input: { from: "2025-11-01", to: "2025-11-03", interval: "day", tz: "America/Sao_Paulo" },
    labels: ["2025-11-01", "2025-11-02", "2025-11-03"],
    edges: ["2025-11-01T03:00Z", "2025-11-02T03:00Z", "2025-11-03T03:00Z", "2025-11-04T03:00Z"],
  },
  {
    name: "America/Sao_Paulo on 2018-11-04 starts at 01:00, midnight being skipped",
    input: { from: "2018-11-03", to: "2018-11-05", interval: "day", tz: "America/Sao_Paulo" },
    labels: ["2018-11-03", "2018-11-04", "2018-11-05"],
    edges: ["2018-11-03T03:00Z", "2018-11-04T03:00Z", "2018-11-05T02:00Z", "2018-11-06T02:00Z"],
  },
  {
    name: "America/Sao_Paulo hours on 2018-11-04 begin at 01:00-02:00, 23 of them",
    input: { from: "2018-11-04", to: "2018-11-04", interval: "hour", tz: "America/Sao_Paulo" },
    labels: Array.from({ length: 23 }, (_, i) => `2018-11-04T${pad(i + 1)}:00-02:00`),
    edges: hourlyUtc("2018-11-04T03:00Z", 24),
  },
  {
    name: "Australia/Lord_Howe falling back 30 minutes splits 01:00 into a full and a half hour",
    input: { from: "2025-04-06", to: "2025-04-06", interval: "hour", tz: "Australia/Lord_Howe" },
    labels: [
      "2025-04-06T00:00+11:00",
      "2025-04-06T01:00+11:00",
      "2025-04-06T01:30+10:30",
      ...Array.from({ length: 22 }, (_, i) => `2025-04-06T${pad(i + 2)}:00+10:30`),
    ],
    edges: [
      "2025-04-05T13:00Z",
      "2025-04-05T14:00Z",
      "2025-04-05T15:00Z",
      ...Array.from({ length: 23 }, (_, i) => iso(Date.parse("2025-04-05T15:30Z") + i * 3_600_000)),
    ],
  },
  {
    name: "Australia/Lord_Howe springing forward 30 minutes leaves a half hour starting 02:30",
    input: { from: "2025-10-05", to: "2025-10-05", interval: "hour", tz: "Australia/Lord_Howe" },
    labels: [
      "2025-10-05T00:00+10:30",
      "2025-10-05T01:00+10:30",
      "2025-10-05T02:30+11:00",
      ...Array.from({ length: 21 }, (_, i) => `2025-10-05T${pad(i + 3)}:00+11:00`),
    ],
    edges: [
      "2025-10-04T13:30Z",
      "2025-10-04T14:30Z",
      "2025-10-04T15:30Z",
      ...Array.from({ length: 22 }, (_, i) => iso(Date.parse("2025-10-04T16:00Z") + i * 3_600_000)),
    ],
  },
  {
    name: "weeks are labelled by their Monday, but the first one counts from `from` only",
    input: { from: "2025-01-29", to: "2025-02-12", interval: "week", tz: "UTC" },
    labels: ["2025-01-27", "2025-02-03", "2025-02-10"],
    edges: ["2025-01-29T00:00Z", "2025-02-03T00:00Z", "2025-02-10T00:00Z", "2025-02-13T00:00Z"],
  },
  {
    name: "weeks across the year boundary include the ISO week starting Monday 2024-12-30",
    input: { from: "2024-12-25", to: "2025-01-08", interval: "week", tz: "Europe/Berlin" },
    labels: ["2024-12-23", "2024-12-30", "2025-01-06"],
    edges: ["2024-12-24T23:00Z", "2024-12-29T23:00Z", "2025-01-05T23:00Z", "2025-01-08T23:00Z"],
  },
  {
    name: "a range that starts on a Monday starts its first week there",
    input: { from: "2024-12-30", to: "2025-01-05", interval: "week", tz: "Asia/Kathmandu" },
    labels: ["2024-12-30"],
    edges: ["2024-12-29T18:15Z", "2025-01-05T18:15Z"],
  },
  {
    name: "months across a year boundary and both Berlin DST changes",
    input: { from: "2024-10-15", to: "2025-04-02", interval: "month", tz: "Europe/Berlin" },
    labels: ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"],
    edges: [
      "2024-10-14T22:00Z",
      "2024-10-31T23:00Z",
      "2024-11-30T23:00Z",
      "2024-12-31T23:00Z",
      "2025-01-31T23:00Z",
      "2025-02-28T23:00Z",
      "2025-03-31T22:00Z",
      "2025-04-02T22:00Z",
    ],
  },
  {
    name: "UTC days start at midnight UTC and UTC hours carry +00:00",
    input: { from: "2024-02-28", to: "2024-03-01", interval: "day", tz: "UTC" },
    labels: ["2024-02-28", "2024-02-29", "2024-03-01"],
    edges: ["2024-02-28T00:00Z", "2024-02-29T00:00Z", "2024-03-01T00:00Z", "2024-03-02T00:00Z"],
  },
  {
    name: "UTC hours",
    input: { from: "2025-01-01", to: "2025-01-01", interval: "hour", tz: "UTC" },
    labels: Array.from({ length: 24 }, (_, i) => `2025-01-01T${pad(i)}:00+00:00`),
    edges: hourlyUtc("2025-01-01T00:00Z", 25),
  },
];

describe("planBuckets", () => {
  it.each(cases)("plans $name", ({ input, labels, edges }) => {
    const plan = planBuckets(input);
    expect(plan.labels).toEqual(labels);
    expect(edgesOf(plan)).toEqual(edges);
    expect(plan).toMatchObject({ interval: input.interval, tz: input.tz, from: input.from, to: input.to });
  });

  it.each([
    ["hour", "America/New_York", "2024-03-01", "2024-04-15"],
    ["day", "Pacific/Chatham", "2023-01-01", "2025-12-31"],
    ["week", "America/Santiago", "2020-01-01", "2025-12-31"],
    ["month", "Africa/Casablanca", "1970-01-01", "2100-12-31"],
  ] as const)("keeps %s edges strictly increasing in %s", (interval, tz, from, to) => {
    const plan = planBuckets({ from, to, interval, tz });
    expect(plan.edges).toHaveLength(plan.labels.length + 1);
    for (let i = 1; i < plan.edges.length; i++) expect(plan.edges[i]!).toBeGreaterThan(plan.edges[i - 1]!);
    expect(new Set(plan.labels.map((l, i) => `${l}@${plan.edges[i]}`)).size).toBe(plan.labels.length);
  });

  it("accepts exactly the bucket limit", () => {
    const plan = planBuckets({ from: "2020-01-01", to: "2025-06-22", interval: "day", tz: "Europe/Berlin" });
    expect(plan.labels).toHaveLength(2000);
    expect(plan.labels.at(-1)).toBe("2025-06-22");
  });
});

describe("planBuckets errors", () => {
  const ok = { from: "2025-01-01", to: "2025-01-31", interval: "day", tz: "UTC" } as const;

  it.each([
    [{ interval: "minute" }, "interval", 'interval must be one of hour, day, week, month, got "minute"'],
    [{ tz: "Mars/Olympus" }, "tz", 'tz must be an IANA time zone such as Europe/Berlin, got "Mars/Olympus"'],
    [{ tz: "+05:30" }, "tz", 'tz must be an IANA time zone such as Europe/Berlin, got "+05:30"'],
    [{ tz: "" }, "tz", 'tz must be an IANA time zone such as Europe/Berlin, got ""'],
    [{ from: "2025-1-01" }, "from", 'from must be a date as YYYY-MM-DD, got "2025-1-01"'],
    [{ from: "2025-01-01T00:00" }, "from", 'from must be a date as YYYY-MM-DD, got "2025-01-01T00:00"'],
    [{ from: "2025-02-30" }, "from", "from is not a calendar date: 2025-02-30"],
    [{ from: "2023-02-29" }, "from", "from is not a calendar date: 2023-02-29"],
    [{ from: "2025-13-01" }, "from", "from is not a calendar date: 2025-13-01"],
    [{ from: "1969-12-31" }, "from", "from must be between 1970-01-01 and 2100-12-31, got 1969-12-31"],
    [{ to: "" }, "to", 'to must be a date as YYYY-MM-DD, got ""'],
    [{ to: "2025-04-31" }, "to", "to is not a calendar date: 2025-04-31"],
    [{ to: "2101-01-01" }, "to", "to must be between 1970-01-01 and 2100-12-31, got 2101-01-01"],
    [{ from: "2025-02-01" }, "from", "from (2025-02-01) is after to (2025-01-31)"],
    [
      { from: "2020-01-01", to: "2025-06-23" },
      "interval",
      "interval=day from 2020-01-01 to 2025-06-23 gives 2,001 buckets, more than the limit of 2,000: " +
        "use a coarser interval (week: 287 buckets) or a shorter range",
    ],
    [
      { interval: "hour", from: "2025-01-01", to: "2025-03-25", tz: "Europe/Berlin" },
      "interval",
      "interval=hour from 2025-01-01 to 2025-03-25 gives 2,016 buckets, more than the limit of 2,000: " +
        "use a coarser interval (day: 84 buckets) or a shorter range",
    ],
    [
      { interval: "hour", from: "1970-01-01", to: "2100-12-31" },
      "interval",
      "interval=hour from 1970-01-01 to 2100-12-31 gives 1,148,328 buckets, more than the limit of 2,000: " +
        "use a coarser interval (month: 1,572 buckets) or a shorter range",
    ],
    [
      { interval: "month", from: "2025-01-01", to: "2025-03-01", maxBuckets: 2 },
      "interval",
      "interval=month from 2025-01-01 to 2025-03-01 gives 3 buckets, more than the limit of 2: use a shorter range",
    ],
  ])("rejects %j on %s", (change, param, message) => {
    const input = { ...ok, ...change } as Parameters<typeof planBuckets>[0];
    expect(() => planBuckets(input)).toThrow(
      expect.objectContaining({ name: "BucketError", param, message }),
    );
  });

  it("counts the extra hour bucket a 30-minute DST change adds before checking the limit", () => {
    // Lord Howe from its fall-back day to its spring-forward day: 183 days of exactly 24 h on average, but the
    // half hour around each change makes its own bucket, so one more bucket than elapsed hours.
    const input = {
      from: "2025-04-06",
      to: "2025-10-05",
      interval: "hour",
      tz: "Australia/Lord_Howe",
    } as const;
    expect(planBuckets({ ...input, maxBuckets: 4393 }).labels).toHaveLength(4393);
    expect(() => planBuckets({ ...input, maxBuckets: 4392 })).toThrow(
      expect.objectContaining({ param: "interval", message: expect.stringContaining("gives 4,393 buckets") }),
    );
  });
});

describe("bucketIndex", () => {
  const plan = planBuckets({ from: "2025-10-26", to: "2025-10-27", interval: "day", tz: "Europe/Berlin" });

  it.each([
    ["2025-10-25T21:59:59.999Z", -1],
    ["2025-10-25T22:00:00Z", 0],
    ["2025-10-26T22:30:00Z", 0],
    ["2025-10-26T23:00:00Z", 1],
    ["2025-10-27T22:59:59.999Z", 1],
    ["2025-10-27T23:00:00Z", -1],
  ])("puts %s in bucket %d", (instant, index) => {
    expect(bucketIndex(plan.edges, Date.parse(instant))).toBe(index);
  });
});

describe("planBuckets against Intl", () => {
  it.each([
    ["Europe/Berlin", "2025-03-29", "2025-03-31"],
    ["Europe/Berlin", "2025-10-25", "2025-10-27"],
    ["Australia/Lord_Howe", "2025-04-05", "2025-04-07"],
    ["Australia/Lord_Howe", "2025-10-04", "2025-10-06"],
    ["America/Sao_Paulo", "2018-11-03", "2018-11-05"],
    ["America/Sao_Paulo", "2019-02-16", "2019-02-17"],
    ["America/Havana", "2024-11-02", "2024-11-04"],
    ["Asia/Kathmandu", "1985-12-31", "1986-01-01"],
    ["Pacific/Chatham", "2025-04-05", "2025-04-06"],
  ])("puts every 5 minutes of %s from %s to %s in the hour and day buckets Intl names", (tz, from, to) => {
    const hours = planBuckets({ from, to, interval: "hour", tz });
    const days = planBuckets({ from, to, interval: "day", tz });
    expect(hours.edges[0]).toBe(days.edges[0]);
    expect(hours.edges.at(-1)).toBe(days.edges.at(-1));
    for (let t = hours.edges[0]!; t < hours.edges.at(-1)!; t += 5 * 60_000) {
      // Intl's own reading of the instant, independent of the planner: "2025-03-30T03+02:00".
      const local = wallClock(t, tz);
      const label = hours.labels[bucketIndex(hours.edges, t)]!;
      expect(`${label.slice(0, 13)}${label.slice(16)}`).toBe(`${local.date}T${local.hour}${local.offset}`);
      expect(days.labels[bucketIndex(days.edges, t)]).toBe(local.date);
    }
  });
});
