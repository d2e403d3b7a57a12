import { describe, expect, it } from "vitest";
import { createGroupWriter } from "./group-writer";

/** A writeMany whose calls wait until released, recording the groups it was given. */
function gatedWriter(fail: (item: number) => boolean = () => false) {
  const groups: number[][] = [];
  const gates: (() => void)[] = [];
  const writeMany = (items: number[]) => {
    groups.push(items);
    return new Promise<void>((resolve, reject) =>
      gates.push(() => (items.some(fail) ? reject(new Error("bad item")) : resolve())),
    );
  };
  const releaseAll = async () => {
    while (gates.length > 0) {
      gates.splice(0).forEach((open) => open());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { groups, writeMany, releaseAll };
}

describe("createGroupWriter", () => {
  it("writes a lone item at once and groups what arrives while writes are in flight", async () => {
    const { groups, writeMany, releaseAll } = gatedWriter();
    const write = createGroupWriter(writeMany, 1);
    const done = [1, 2, 3, 4].map((n) => write(n));
    expect(groups).toEqual([[1]]);
    await releaseAll();
    await Promise.all(done);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it("retries a failed group item by item, so only the bad item's caller fails", async () => {
    const { groups, writeMany, releaseAll } = gatedWriter((n) => n === 3);
    const write = createGroupWriter(writeMany, 1);
    const results = [1, 2, 3, 4].map((n) =>
      write(n).then(
        () => "ok",
        () => "failed",
      ),
    );
    await releaseAll();
    expect(await Promise.all(results)).toEqual(["ok", "ok", "failed", "ok"]);
    expect(groups).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
