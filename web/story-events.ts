/**
 * STATIC events list, for now: the story's dated events drawn on the time axis. It belongs in the database
 * (an `events` table and GET /api/events?from&to, editable like topics); until then the dashboard ships the
 * DeepSeek story's two seeds here, and the chart draws whatever this list holds.
 */
export interface StoryEvent {
  /** The calendar day the event happened, YYYY-MM-DD. */
  date: string;
  label: string;
}

export const STATIC_STORY_EVENTS: readonly StoryEvent[] = [
  { date: "2025-01-20", label: "DeepSeek R1 released" },
  { date: "2025-01-27", label: "Nvidia sell-off" },
];
