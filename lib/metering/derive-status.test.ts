import { describe, expect, it } from "vitest";
import { deriveStatus } from "./derive-status";
import { isChargeableChannel, isExpired } from "./step-conversation";
import { MIN, SEC, T0, T30 } from "./test-fixtures";

describe("isExpired", () => {
  it("is false exactly at the timeout and true one millisecond after", () => {
    expect(isExpired(T0, T0 + T30, T30)).toBe(false);
    expect(isExpired(T0, T0 + T30 + 1, T30)).toBe(true);
  });

  it("is false when now is before the last activity (clock skew)", () => {
    expect(isExpired(T0, T0 - 60 * MIN, T30)).toBe(false);
  });
});

describe("deriveStatus", () => {
  const active = { closedAt: null, lastActivityAt: T0 };

  it("open when not closed and exactly at the timeout boundary", () => {
    expect(deriveStatus({ ...active, answered: false }, T0 + T30, T30)).toBe("open");
    expect(deriveStatus({ ...active, answered: true }, T0 + T30, T30)).toBe("open");
  });

  it("expired and unanswered reads as cancelled even with no close recorded", () => {
    expect(deriveStatus({ ...active, answered: false }, T0 + T30 + SEC, T30)).toBe("cancelled");
  });

  it("expired and answered reads as closed even with no close recorded", () => {
    expect(deriveStatus({ ...active, answered: true }, T0 + T30 + SEC, T30)).toBe("closed");
  });

  it("explicitly closed reads closed or cancelled regardless of how recent the activity is", () => {
    const closed = { closedAt: T0 + MIN, lastActivityAt: T0 };
    expect(deriveStatus({ ...closed, answered: true }, T0 + MIN, T30)).toBe("closed");
    expect(deriveStatus({ ...closed, answered: false }, T0 + MIN, T30)).toBe("cancelled");
  });

  it("explicitly closed and also expired still reads closed or cancelled", () => {
    const closed = { closedAt: T0 + MIN, lastActivityAt: T0 };
    expect(deriveStatus({ ...closed, answered: true }, T0 + 10 * T30, T30)).toBe("closed");
    expect(deriveStatus({ ...closed, answered: false }, T0 + 10 * T30, T30)).toBe("cancelled");
  });

  it("a closedAt of 0 (epoch) still counts as closed", () => {
    expect(deriveStatus({ closedAt: 0, lastActivityAt: 0, answered: false }, 0, T30)).toBe("cancelled");
  });

  it("uses the timeout it is given, so a longer timeout reopens the reading", () => {
    const row = { ...active, answered: false };
    expect(deriveStatus(row, T0 + 45 * MIN, T30)).toBe("cancelled");
    expect(deriveStatus(row, T0 + 45 * MIN, 60 * MIN)).toBe("open");
  });
});

describe("isChargeableChannel", () => {
  it("only live traffic is chargeable", () => {
    expect(isChargeableChannel("live")).toBe(true);
    expect(isChargeableChannel("test")).toBe(false);
    expect(isChargeableChannel("preview")).toBe(false);
  });
});
