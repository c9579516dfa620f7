/**
 * The hand-written fragments are kept as compact text blocks rather than object literals, so a file holds
 * sixty headlines instead of twenty. A template block is three lines:
 *
 *   01-20..01-26 r1            date window in 2025 (one day: `01-27`), topic, optional section
 *   Headline with {slot}       slots draw from the language's pools; {country2} is a second, distinct {country}
 *   Summary of one or two sentences.
 *
 * Blocks are separated by blank lines; lines starting with `#` are comments.
 */
export const topics = ["r1", "nv", "asc", "gs", "ec", "trap"] as const;
export type Topic = (typeof topics)[number];

export const sectionKinds = ["tech", "markets", "world", "life"] as const;
export type SectionKind = (typeof sectionKinds)[number];

export interface Template {
  lang: string;
  topic: Topic;
  /** Inclusive window, YYYY-MM-DD. */
  from: string;
  to: string;
  section: SectionKind;
  title: string;
  summary: string;
}

/** A background sentence that may follow a summary once its date has come. */
export interface ContextLine {
  topic: Topic;
  from: string;
  text: string;
}

export interface FragmentSet {
  lang: string;
  pools?: Record<string, readonly string[]>;
  templates?: string;
  /** One `MM-DD topic sentence` per line. */
  context?: string;
}

const defaultSection: Record<Topic, SectionKind> = {
  r1: "tech",
  nv: "markets",
  asc: "tech",
  gs: "world",
  ec: "world",
  trap: "tech",
};

const headerPattern = /^(\d\d-\d\d)(?:\.\.(\d\d-\d\d))?\s+([a-z0-9]+)(?:\s+([a-z]+))?$/;

function isTopic(value: string): value is Topic {
  return (topics as readonly string[]).includes(value);
}

function isSection(value: string): value is SectionKind {
  return (sectionKinds as readonly string[]).includes(value);
}

export function parseTemplates(lang: string, text: string): Template[] {
  const lines = text.split("\n").map((line) => line.trim());
  const blocks: { line: number; rows: string[] }[] = [];
  let current: { line: number; rows: string[] } | undefined;
  lines.forEach((row, index) => {
    if (row.startsWith("#")) return;
    if (row === "") {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: index + 1, rows: [] };
      blocks.push(current);
    }
    current.rows.push(row);
  });
  return blocks.map(({ line, rows }) => {
    const [header, title, ...summary] = rows;
    const match = header ? headerPattern.exec(header) : null;
    const topic = match?.[3] ?? "";
    const section = match?.[4] ?? defaultSection[isTopic(topic) ? topic : "trap"];
    if (!match?.[1] || !isTopic(topic) || !isSection(section) || !title || summary.length === 0) {
      throw new Error(
        `${lang} fragment at line ${line}: expected "MM-DD[..MM-DD] topic [section]", title, summary`,
      );
    }
    return {
      lang,
      topic,
      from: `2025-${match[1]}`,
      to: `2025-${match[2] ?? match[1]}`,
      section,
      title,
      summary: summary.join(" "),
    };
  });
}

export function parseContext(text: string): ContextLine[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^(\d\d-\d\d)\s+([a-z0-9]+)\s+(.+)$/.exec(line);
      const topic = match?.[2] ?? "";
      if (!match?.[1] || !match[3] || !isTopic(topic)) throw new Error(`bad context line: ${line}`);
      return { topic, from: `2025-${match[1]}`, text: match[3] };
    });
}
