import {
  type CoverageQuery,
  type Fetching,
  getEvents,
  getOutages,
  type Outage,
  type StoryEvent,
} from "./api";
import { rangeSpan } from "./charts/bucket-span";
import type { BucketNotes } from "./charts/data-table";
import { type EventMarker, eventMarkers, outageStretches, type Stretch, stretchAt } from "./charts/markers";
import { bucketNote } from "./charts/timeline-notes";

/** The story events and ingest outages of a chart's range: what its time axis marks besides the counts. */
export interface Timeline {
  events: StoryEvent[];
  outages: Outage[];
  /** Why they are missing, when they could not be loaded. */
  failed?: string;
}

/** Where a chart marks them: bucket indices on its edges. */
export interface TimelineMarks {
  events: EventMarker[];
  outages: Stretch[];
}

export const NO_MARKS: TimelineMarks = { events: [], outages: [] };

/**
 * The events and outages over a coverage query's range (its buckets' instants). They only annotate the chart,
 * so a failure (a zone the server will refuse, say) leaves the chart unannotated instead of failing it.
 */
export async function loadTimeline(q: CoverageQuery, fetching: Fetching = {}): Promise<Timeline> {
  try {
    const { from, to } = rangeSpan(q);
    const [events, outages] = await Promise.all([
      getEvents({ from, to }, fetching),
      getOutages({ from, to }, fetching),
    ]);
    return { events, outages };
  } catch (error) {
    return { events: [], outages: [], failed: (error as Error).message };
  }
}

/** `edges` are the buckets' UTC boundaries; an open outage runs to `now`. */
export function timelineMarks(timeline: Timeline, edges: readonly number[], now: number): TimelineMarks {
  return {
    events: eventMarkers(timeline.events, edges),
    outages: outageStretches(timeline.outages, edges, now),
  };
}

/** The data table's notes for these marks. */
export function tableNotes(marks: TimelineMarks, tz: string, locale: string): BucketNotes {
  return (b) => {
    const text = bucketNote(b, marks.events, marks.outages, tz, locale);
    return text === null ? null : { text, outage: stretchAt(marks.outages, b) !== undefined };
  };
}
