import {
  type ContextLine,
  parseContext,
  parseTemplates,
  type Template,
  type Topic,
  topics,
} from "./fragment-format";
import { fragmentSets } from "./fragments";
import { type OutletProfile, outletProfiles } from "./fragments/outlet-profiles";
import { languageWeights, storyVolume, topicMix, trapsPerDay } from "./fragments/volume";
import { type SampleOutlet, sampleOutlets } from "./outlets";
import { createRng, pickOne, pickWeighted, type Rng, randomInt } from "./prng";

/** One generated article, before it is written into its outlet's feed format. */
export interface SampleArticle {
  outlet: SampleOutlet;
  profile: OutletProfile;
  topic: Topic;
  /** Epoch milliseconds (UTC). */
  publishedAt: number;
  title: string;
  summary: string;
  author: string;
  link: string;
  guid: string;
  section: string;
}

interface TemplateState {
  template: Template;
  uses: number;
  exhausted: boolean;
  /** Length of the window in days: narrow windows (the sell-off) win their days over long-tail templates. */
  windowDays: number;
}

interface LanguageBank {
  lang: string;
  templates: TemplateState[];
  pools: Record<string, readonly string[]>;
  context: ContextLine[];
  outlets: SampleOutlet[];
}

const dayMs = 86_400_000;
const firstDay = Date.UTC(2025, 0, 1);
const lastDay = Date.UTC(2025, 2, 31);

export const sampleSeed = 20250127;
const maxUsesPerTemplate = 5;

function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function buildBanks(): LanguageBank[] {
  const banks = new Map<string, LanguageBank>();
  for (const set of fragmentSets) {
    let bank = banks.get(set.lang);
    if (!bank) {
      const outlets = sampleOutlets.filter((outlet) => outlet.lang === set.lang);
      bank = { lang: set.lang, templates: [], pools: {}, context: [], outlets };
      banks.set(set.lang, bank);
    }
    Object.assign(bank.pools, set.pools ?? {});
    bank.context.push(...parseContext(set.context ?? ""));
    for (const template of parseTemplates(set.lang, set.templates ?? "")) {
      const windowDays = (Date.parse(template.to) - Date.parse(template.from)) / dayMs + 1;
      if (windowDays < 1) throw new Error(`${set.lang} template "${template.title}" ends before it starts`);
      bank.templates.push({ template, uses: 0, exhausted: false, windowDays });
    }
  }
  return [...banks.values()].filter((bank) => bank.outlets.length > 0);
}

const slotPattern = /\{([a-zA-Z]+)(\d*)\}/g;

/** Fills every {slot} of title and summary; a repeated slot keeps its value, {x2} differs from {x}. */
function fillSlots(rng: Rng, template: Template, pools: LanguageBank["pools"]) {
  const chosen = new Map<string, string>();
  const fill = (text: string) =>
    text.replace(slotPattern, (_match, pool: string, suffix: string) => {
      const key = pool + suffix;
      const known = chosen.get(key);
      if (known !== undefined) return known;
      const values = pools[pool];
      if (!values || values.length === 0)
        throw new Error(`${template.lang}: no pool "${pool}" for "${template.title}"`);
      const taken = new Set([...chosen].filter(([k]) => k.replace(/\d+$/, "") === pool).map(([, v]) => v));
      const free = values.filter((value) => !taken.has(value));
      const value = pickOne(rng, free.length > 0 ? free : values);
      chosen.set(key, value);
      return value;
    });
  const title = fill(template.title);
  // Only a slot in the headline can make a second, distinct article from the same template.
  return { title, summary: fill(template.summary), slotted: title !== template.title };
}

function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word.length > 0)
    .slice(0, 9)
    .join("-");
}

export function composeSampleArticles(seed: number = sampleSeed): SampleArticle[] {
  const rng = createRng(seed);
  const banks = buildBanks();
  const titles = new Set<string>();
  const links = new Set<string>();
  const guidCounters = new Map<string, number>();
  const articles: SampleArticle[] = [];
  const topicCounts = new Map<Topic, Map<string, number>>();

  const isOpen = (s: TemplateState, day: string, topic: Topic) =>
    !s.exhausted && s.template.topic === topic && s.template.from <= day && day <= s.template.to;

  const draw = (day: string, trap: boolean) => {
    const mix: Partial<Record<Topic, number>> = trap ? { trap: 1 } : topicMix(day);
    for (let attempt = 0; attempt < 80; attempt++) {
      const hasOpen = (topic: Topic) => banks.some((b) => b.templates.some((s) => isOpen(s, day, topic)));
      const topic = pickWeighted(rng, topics, (t) => (hasOpen(t) ? (mix[t] ?? 0) : 0));
      if (!topic) break;
      const open = (bank: LanguageBank) => bank.templates.filter((s) => isOpen(s, day, topic));
      // Weight languages by how far they lag their share of this topic, so each topic is spread across
      // languages as planned rather than by the luck of the draw.
      const drawn = topicCounts.get(topic) ?? new Map<string, number>();
      const total = [...drawn.values()].reduce((sum, n) => sum + n, 0);
      const bank = pickWeighted(rng, banks, (b) => {
        if (open(b).length === 0) return 0;
        const share = languageWeights[b.lang] ?? 0.05;
        return Math.max(share / 4, share * (total + 6) - (drawn.get(b.lang) ?? 0));
      });
      if (!bank) continue;
      drawn.set(bank.lang, (drawn.get(bank.lang) ?? 0) + 1);
      topicCounts.set(topic, drawn);
      const state = pickWeighted(rng, open(bank), (s) => 1 / Math.sqrt(s.windowDays) / (1 + s.uses) ** 2);
      if (!state) continue;
      let filled: ReturnType<typeof fillSlots> | undefined;
      for (let tries = 0; tries < 12 && !filled; tries++) {
        const candidate = fillSlots(rng, state.template, bank.pools);
        if (!titles.has(candidate.title)) filled = candidate;
        else if (!candidate.slotted) break;
      }
      if (!filled) {
        state.exhausted = true;
        continue;
      }
      state.uses++;
      // A headline pattern seen more than a few times reads as filler on the dashboard.
      if (!filled.slotted || state.uses >= maxUsesPerTemplate) state.exhausted = true;
      titles.add(filled.title);
      articles.push(placeArticle(rng, bank, state.template, filled, day));
      return;
    }
    throw new Error(`sample: no template left for a ${trap ? "trap" : "story"} article on ${day}`);
  };

  const placeArticle = (
    rng: Rng,
    bank: LanguageBank,
    template: Template,
    filled: { title: string; summary: string },
    day: string,
  ): SampleArticle => {
    const { topic } = template;
    const outlet = pickWeighted(rng, bank.outlets, (o) => {
      const profile = outletProfiles[o.file];
      return profile ? profile.weight * (profile.affinity?.[topic] ?? 1) : 0;
    });
    const profile = outlet && outletProfiles[outlet.file];
    if (!outlet || !profile) throw new Error(`sample: no outlet profile for language ${bank.lang}`);
    const context = bank.context.filter((line) => line.topic === topic && line.from <= day);
    const summary =
      context.length > 0 && rng() < 0.45 ? `${filled.summary} ${pickOne(rng, context).text}` : filled.summary;
    // Local office hours 09:00-17:59 keep the UTC date equal to the local date for offsets from -6h to +9h.
    const local = Date.parse(`${day}T00:00:00Z`) + randomInt(rng, 9 * 60, 17 * 60 + 59) * 60_000;
    const publishedAt = local - profile.utcOffset * 60_000;
    const section = profile.sections[template.section];
    let slug = slugify(filled.title);
    if (slug.length < 16) slug = [slug, String(randomInt(rng, 100000, 999999))].filter(Boolean).join("-");
    const base = `${outlet.url.replace(/\/$/, "")}/${section}/${day.replaceAll("-", "/")}/`;
    let link = base + slug;
    for (let n = 2; links.has(link); n++) link = `${base}${slug}-${n}`;
    links.add(link);
    const count = (guidCounters.get(outlet.file) ?? 0) + 1;
    guidCounters.set(outlet.file, count);
    const host = new URL(outlet.url).hostname;
    return {
      outlet,
      profile,
      topic,
      publishedAt,
      title: filled.title,
      summary,
      author: pickOne(rng, profile.authors),
      link: profile.trackingQuery ? `${link}?${profile.trackingQuery}` : link,
      guid:
        profile.guid === "link"
          ? link
          : `tag:${host},2025:${day.replaceAll("-", "")}-${String(count).padStart(4, "0")}`,
      section,
    };
  };

  for (let ms = firstDay; ms <= lastDay; ms += dayMs) {
    const day = dayString(ms);
    const story = storyVolume(day);
    for (let i = 0; i < story; i++) draw(day, false);
    const traps = randomInt(rng, trapsPerDay.min, trapsPerDay.max);
    for (let i = 0; i < traps; i++) draw(day, true);
  }
  return articles;
}
