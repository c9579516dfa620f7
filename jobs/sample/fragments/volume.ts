/**
 * The day-by-day shape of the story: how many on-topic articles the sample carries each day. Quiet
 * background in early January (DeepSeek-V3, the AI diffusion rule), a climb after R1's release on 20 January,
 * the Nvidia sell-off on 27/28 January as the two biggest days by far, then a long tail with bumps for the app
 * bans, Nvidia's earnings (26 February) and the March sell-offs.
 */
const keyDays: Record<string, number> = {
  "2025-01-02": 5,
  "2025-01-03": 5,
  "2025-01-13": 9,
  "2025-01-14": 7,
  "2025-01-15": 8,
  "2025-01-16": 6,
  "2025-01-20": 9,
  "2025-01-21": 11,
  "2025-01-22": 12,
  "2025-01-23": 13,
  "2025-01-24": 15,
  "2025-01-25": 14,
  "2025-01-26": 20,
  "2025-01-27": 66,
  "2025-01-28": 50,
  "2025-01-29": 34,
  "2025-01-30": 28,
  "2025-01-31": 24,
  "2025-02-01": 15,
  "2025-02-02": 12,
  "2025-02-03": 17,
  "2025-02-04": 15,
  "2025-02-05": 14,
  "2025-02-06": 13,
  "2025-02-07": 11,
  "2025-02-08": 7,
  "2025-02-09": 6,
  "2025-02-17": 9,
  "2025-02-26": 10,
  "2025-02-27": 13,
  "2025-02-28": 8,
  "2025-03-03": 8,
  "2025-03-04": 6,
  "2025-03-10": 8,
  "2025-03-11": 7,
  "2025-03-25": 7,
  "2025-03-26": 6,
};

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** On-topic articles on a day (YYYY-MM-DD, 2025-01-01..2025-03-31). */
export function storyVolume(day: string): number {
  const fixed = keyDays[day];
  if (fixed !== undefined) return fixed;
  const weekend = isWeekend(day);
  if (day < "2025-01-13") return weekend ? 1 : 3;
  if (day < "2025-01-20") return weekend ? 2 : 4;
  if (day < "2025-03-01") return weekend ? 3 : 6;
  return weekend ? 2 : 5;
}

/** Unrelated and look-alike articles run at a steady one or two a day, whatever the story does. */
export const trapsPerDay = { min: 1, max: 2 };

export const languageWeights: Record<string, number> = {
  en: 0.37,
  zh: 0.13,
  de: 0.11,
  fr: 0.11,
  es: 0.11,
  pt: 0.09,
  ja: 0.08,
};

type StoryTopic = "r1" | "nv" | "asc" | "gs" | "ec";

/**
 * Which part of the story a day's articles are about: export rules and V3 before the release, R1 itself in
 * release week, the market on the sell-off days, everything in the tail.
 */
export function topicMix(day: string): Record<StoryTopic, number> {
  if (day < "2025-01-20") return { r1: 0.3, nv: 0.2, asc: 0.15, ec: 0.25, gs: 0.1 };
  if (day < "2025-01-27") return { r1: 0.6, nv: 0.1, asc: 0.08, ec: 0.07, gs: 0.15 };
  if (day < "2025-01-29") return { r1: 0.3, nv: 0.6, asc: 0.03, ec: 0.04, gs: 0.03 };
  if (day < "2025-02-10") return { r1: 0.36, nv: 0.18, asc: 0.16, ec: 0.16, gs: 0.14 };
  return { r1: 0.22, nv: 0.22, asc: 0.18, ec: 0.2, gs: 0.18 };
}
