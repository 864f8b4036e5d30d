import { describe, expect, it } from "vitest";
import { loadMessages } from "./load-messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)(?=[,}])/g)].map((match) => match[1] ?? "").sort();
}

describe("translations", () => {
  it("give French every message English has, and nothing else", async () => {
    const [en, fr] = await Promise.all([loadMessages("en"), loadMessages("fr")]);
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it("keep the same placeholders in both languages", async () => {
    const [en, fr] = await Promise.all([loadMessages("en"), loadMessages("fr")]);
    const lookup = (messages: unknown, path: string) => path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
    for (const path of keys(en)) {
      const english = lookup(en, path);
      const french = lookup(fr, path);
      if (typeof english === "string" && typeof french === "string") expect(placeholders(french), path).toEqual(placeholders(english));
    }
  });
});
