import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./config";

describe("negotiateLocale", () => {
  it("picks the best supported language by quality", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("de-DE,en;q=0.5,fr;q=0.7")).toBe("fr");
    expect(negotiateLocale("en-GB")).toBe("en");
  });

  it("falls back to English for unsupported, empty or malformed headers", () => {
    expect(negotiateLocale("de,es;q=0.8")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(";;q=abc,")).toBe("en");
  });
});
