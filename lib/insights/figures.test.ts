import { describe, expect, it } from "vitest";
import { cancelledFigure, figureCsv, heatmapFigure, isFigureId, timeoutsFigure, topEndUsersFigure } from "./figures";
import type { Patterns } from "./read-patterns";

const patterns: Patterns = {
  heatmap: [
    { weekday: 1, hour: 9, conversations: 4 },
    { weekday: 7, hour: 23, conversations: 1 },
  ],
  sessionLengths: [],
  messagesPerConversation: [],
  finished: 8,
  cancelled: 3,
  topEndUsers: [{ endUserId: "=HYPERLINK(\"x\")", conversations: 2, charged: 1, cancelled: 1 }],
};

describe("insights figures", () => {
  it("lays the heatmap out as 7 weekdays × 24 hours, zeros included", () => {
    const figure = heatmapFigure(patterns);
    expect(figure.columns).toHaveLength(25);
    expect(figure.rows).toHaveLength(7);
    expect(figure.rows[0]?.[1 + 9]).toBe(4);
    expect(figure.rows[6]?.[1 + 23]).toBe(1);
    expect(figure.rows.flat().filter((value) => value === 0)).toHaveLength(7 * 24 - 2);
  });

  it("gives the cancelled share as a percentage with one decimal", () => {
    expect(cancelledFigure(patterns).rows).toEqual([[8, 3, 37.5]]);
    expect(cancelledFigure({ ...patterns, finished: 0, cancelled: 0 }).rows).toEqual([[0, 0, 0]]);
  });

  it("marks the workspace's own timeout in the what-if table", () => {
    const figure = timeoutsFigure({
      currentTimeoutMinutes: 30,
      customTimeoutMinutes: null,
      messages: 10,
      elapsedMs: 1,
      outcomes: [
        { timeoutMinutes: 15, conversations: 4, answered: 3, chargeable: 3, cancelled: 1 },
        { timeoutMinutes: 30, conversations: 3, answered: 3, chargeable: 2, cancelled: 0 },
      ],
    });
    expect(figure.rows).toEqual([
      [15, false, 4, 3, 3, 1],
      [30, true, 3, 2, 3, 0],
    ]);
  });

  it("writes CSV with a header and neutralises values a spreadsheet would run as formulas", () => {
    expect(figureCsv(topEndUsersFigure(patterns))).toBe('end_user_id,conversations,charged,cancelled\r\n"\'=HYPERLINK(""x"")",2,1,1\r\n');
  });

  it("knows its figure ids", () => {
    expect(isFigureId("timeouts")).toBe(true);
    expect(isFigureId("../secrets")).toBe(false);
  });
});
