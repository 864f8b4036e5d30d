import { describe, expect, it } from "vitest";
import { csvField } from "./export-conversations-csv";

describe("csvField", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("plain")).toBe("plain");
  });

  it("neutralises values a spreadsheet would run as formulas", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+33 6 12")).toBe("'+33 6 12");
    expect(csvField("@user")).toBe("'@user");
  });

  it("writes numbers, booleans and nulls as themselves", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
  });
});
