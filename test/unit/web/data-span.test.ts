import { describe, expect, it } from "vitest";
import { readDataSpan } from "../../../web/state/data-span";

/** Just enough of a Document for the reader: the span meta's content, or no meta at all. */
const page = (content?: string) =>
  ({
    querySelector: () => (content === undefined ? null : { content }),
  }) as unknown as Document;

describe("the data span a page carries", () => {
  it("reads the first and last article's times", () => {
    expect(readDataSpan(page("1735689603758 1767225586835"))).toEqual({
      first: 1735689603758,
      last: 1767225586835,
    });
  });

  it("reads an empty store as null, so 'All' shows the last 90 days without asking", () => {
    expect(readDataSpan(page(""))).toBeNull();
  });

  it("reads no meta, or one it cannot trust, as unknown, so the page probes for the span as before", () => {
    expect(readDataSpan(page())).toBeUndefined();
    expect(readDataSpan(page("soon later"))).toBeUndefined();
    expect(readDataSpan(page("20 10"))).toBeUndefined();
  });
});
