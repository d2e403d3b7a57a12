import { describe, expect, it } from "vitest";
import { diffPromptVersions, sideBySideRows, type DiffableVersion } from "./prompt-diff";

const version = (n: number, over: Partial<DiffableVersion> = {}): DiffableVersion => ({
  id: `v${n}`,
  version: n,
  template: "Hello {{ name }}",
  model: { connection: "simulated", model: "sim-small" },
  parameters: {},
  message: `version ${n}`,
  authorName: "Ada",
  createdAt: "2026-01-01T00:00:00.000Z",
  ...over,
});

describe("diffPromptVersions", () => {
  it("diffs template lines and model and parameter fields", () => {
    const diff = diffPromptVersions(
      version(1, { template: "a\nb\nc", parameters: { temperature: 0.2, maxTokens: 100 } }),
      version(3, {
        template: "a\nB\nc\nd",
        model: { connection: "simulated", model: "sim-large" },
        parameters: { temperature: 0.7, topP: 0.9, maxTokens: 100 },
      }),
    );
    expect(diff.from).toEqual({
      id: "v1",
      version: 1,
      message: "version 1",
      authorName: "Ada",
      createdAt: "2026-01-01T00:00:00.000Z",
    });
    expect(diff.to.version).toBe(3);
    expect(diff.template).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
    expect(diff.fields).toEqual([
      { path: "model.model", before: "sim-small", after: "sim-large" },
      { path: "parameters.temperature", before: 0.2, after: 0.7 },
      { path: "parameters.topP", after: 0.9 },
    ]);
    expect(diff.identical).toBe(false);
  });

  it("reports a model added or removed as one field", () => {
    const diff = diffPromptVersions(version(1, { model: null }), version(2));
    expect(diff.fields).toEqual([
      { path: "model", after: { connection: "simulated", model: "sim-small" } },
    ]);
    expect(diffPromptVersions(version(2), version(1, { model: null })).fields).toEqual([
      { path: "model", before: { connection: "simulated", model: "sim-small" } },
    ]);
  });

  it("says identical when nothing differs but the message", () => {
    const diff = diffPromptVersions(version(1), version(2, { message: "no-op" }));
    expect(diff.identical).toBe(true);
    expect(diff.fields).toEqual([]);
  });
});

describe("sideBySideRows", () => {
  it("pairs removed runs with the added runs after them and numbers each side", () => {
    const rows = sideBySideRows([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "removed", text: "c" },
      { kind: "added", text: "B" },
      { kind: "same", text: "d" },
      { kind: "added", text: "e" },
    ]);
    expect(rows).toEqual([
      {
        left: { number: 1, text: "a", kind: "same" },
        right: { number: 1, text: "a", kind: "same" },
      },
      {
        left: { number: 2, text: "b", kind: "removed" },
        right: { number: 2, text: "B", kind: "added" },
      },
      { left: { number: 3, text: "c", kind: "removed" }, right: null },
      {
        left: { number: 4, text: "d", kind: "same" },
        right: { number: 3, text: "d", kind: "same" },
      },
      { left: null, right: { number: 4, text: "e", kind: "added" } },
    ]);
  });

  it("is empty for an empty diff", () => {
    expect(sideBySideRows([])).toEqual([]);
  });
});
