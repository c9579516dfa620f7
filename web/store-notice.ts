import type { Feed } from "./api";
import { byId, h } from "./element";

/**
 * What the page says about the store itself: a banner while the bundled sample is stored (its articles are
 * invented, and how to remove them), and the next steps instead of empty charts when nothing is stored yet.
 * `body[data-store]` (empty | sample | own) lets the stylesheet hide the charts of an empty install.
 */
export function showStoreNotice(feeds: readonly Feed[]): void {
  const notice = byId("store-notice");
  const kind = feeds.length === 0 ? "empty" : feeds.some((f) => f.sample) ? "sample" : "own";
  document.body.dataset.store = kind;
  if (kind === "empty") notice.replaceChildren(...welcome());
  else if (kind === "sample") notice.replaceChildren(sampleBanner());
  else notice.replaceChildren();
  notice.hidden = kind === "own";
  notice.className = `store-notice ${kind}`;
}

const code = (text: string) => h("code", {}, text);

function sampleBanner(): HTMLElement {
  return h(
    "p",
    { id: "sample-banner" },
    h("strong", {}, "Illustrative sample data. "),
    "The articles from the outlets named “Sample …” are invented, to show what Tidemark draws; their links lead " +
      "nowhere and they never reach alerts or Atom feeds. Remove them with ",
    code("npm run cli -- sample remove"),
    " (your own feeds and their counts stay).",
  );
}

function welcome(): HTMLElement[] {
  const adminLink = (text: string) => {
    const link = h("a", { href: "#sources" }, text);
    link.addEventListener("click", () => {
      byId<HTMLDetailsElement>("admin-details").open = true;
    });
    return link;
  };
  return [
    h("h2", { id: "welcome-title" }, "Welcome to Tidemark: nothing is tracked yet"),
    h("p", {}, "Charts appear once feeds are fetched. Next steps:"),
    h(
      "ol",
      { id: "next-steps" },
      h(
        "li",
        {},
        adminLink("Add feeds"),
        " in Sources below, or ",
        code("npm run cli -- feeds add URL"),
        ".",
      ),
      h(
        "li",
        {},
        adminLink("Import an OPML file"),
        " of the feeds you read, or ",
        code("npm run cli -- feeds import FILE.opml"),
        ".",
      ),
      h(
        "li",
        {},
        "Make a topic: a name and a query such as ",
        code("deepseek AND (r1 OR model)"),
        "; try one with ",
        code('npm run cli -- topics test "QUERY"'),
        " and save it with POST /api/topics (",
        h("a", { href: "/api/docs" }, "API"),
        ").",
      ),
      h(
        "li",
        {},
        "Feeds are fetched every 15 minutes; ",
        code("npm run cli -- ingest --once"),
        " fetches now. To look around first, ",
        code("npm run cli -- sample load"),
        " loads invented example coverage.",
      ),
    ),
  ];
}
