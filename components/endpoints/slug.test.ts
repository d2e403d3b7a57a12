import { describe, expect, it } from "vitest";
import { slugFromName, slugProblem } from "./slug";

describe("slugFromName", () => {
  it("lower-cases, drops accents and joins words with single dashes", () => {
    expect(slugFromName("Ticket triage (example)")).toBe("ticket-triage-example");
    expect(slugFromName("  Résumé -- Screener!! ")).toBe("resume-screener");
    expect(slugFromName("中文")).toBe("");
  });

  it("stays within 63 characters without a trailing dash", () => {
    const slug = slugFromName(`${"a".repeat(62)} b`);
    expect(slug).toBe("a".repeat(62));
    expect(slugFromName("x".repeat(100))).toHaveLength(63);
  });
});

describe("slugProblem", () => {
  const taken = new Set(["support"]);

  it("accepts a free, well-formed slug", () => {
    expect(slugProblem("support-v2", taken)).toBeNull();
  });

  it("names what is wrong: empty, format or taken", () => {
    expect(slugProblem("", taken)).toBe("Give the endpoint a slug");
    expect(slugProblem("Support", taken)).toMatch(/lower-case/);
    expect(slugProblem("-x", taken)).toMatch(/starting with a letter or digit/);
    expect(slugProblem("support", taken)).toBe('"support" is taken by another endpoint');
  });
});
