import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "./csv";

describe("csv", () => {
  it("quotes fields with quotes, commas and line breaks (RFC 4180)", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField(0.25)).toBe("0.25");
    expect(csvRecord(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("neutralises text a spreadsheet would run as a formula, not numbers", () => {
    for (const text of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx"]) {
      expect(csvField(text)).toBe(`'${text}`);
    }
    expect(csvField('=HYPERLINK("a,b")')).toBe(`"'=HYPERLINK(""a,b"")"`);
    expect(csvField(-2)).toBe("-2");
  });
});
