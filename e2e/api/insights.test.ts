import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, minutesAgo } from "../support/api-client";
import { addTestMember, createTestWorkspace, PASSWORD } from "../support/fixtures";
import { HttpSession } from "../support/http-session";

const appUrl = inject("appUrl");

// Minutes after a start 400 minutes ago; each customer is built so a specific timeout changes their count.
const at = (minute: number) => minutesAgo(400 - minute);
const message = (id: string, endUserId: string, role: "user" | "assistant", minute: number) => ({ id, endUserId, role, timestamp: at(minute) });
const customers = {
  // Gaps of 38 and 59 minutes: 3 charged up to 30 min, 2 at 45, 1 from 60.
  alice: [["user", 0], ["assistant", 2], ["user", 40], ["assistant", 41], ["user", 100], ["assistant", 102]],
  // An 11-minute gap: 2 charged at 5 min, 1 from 15.
  frank: [["user", 0], ["assistant", 1], ["user", 12], ["assistant", 13]],
  // A 90-minute gap: 2 charged up to 60 min, 1 at 120.
  gina: [["user", 0], ["assistant", 1], ["user", 91], ["assistant", 92]],
  // Never answered: cancelled, never charged.
  carol: [["user", 0], ["user", 50]],
} as const;

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split("\r\n");
  const columns = (header ?? "").split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, index) => [columns[index], value])));
}

describe("insights over HTTP", () => {
  let session: HttpSession;
  let api: ApiClient;
  let workspaceId: string;
  const csv = async (figure: string, query = "") => {
    const response = await session.fetch(`/dashboard/insights/export/${figure}${query}`);
    expect(response.status, figure).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    return parseCsv(await response.text());
  };

  beforeAll(async () => {
    const workspace = await createTestWorkspace({ timeoutMinutes: 30 });
    workspaceId = workspace.workspaceId;
    api = new ApiClient(appUrl, workspace.apiKey);
    const events = Object.entries(customers).flatMap(([name, steps]) => steps.map(([role, minute], index) => message(`${name}-${index}`, name, role, minute)));
    // In timestamp order, as a chatbot sends them, over several requests so ingest carries state between batches.
    events.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    for (let start = 0; start < events.length; start += 5) expect((await api.postEvents(events.slice(start, start + 5))).status).toBe(200);
    session = new HttpSession(appUrl);
    expect(await session.signIn(workspace.email, PASSWORD)).toBeNull();
  });

  it("replays the events: the current timeout equals what live metering charged, others differ as predicted", async () => {
    const { body } = await api.request<{ data: unknown[] }>("/api/v1/conversations?billable=true&limit=100");
    const charged = body.data.length;
    expect(charged).toBe(6);
    const rows = await csv("timeouts", "?custom=45");
    const billable = Object.fromEntries(rows.map((row) => [row.timeout_minutes, Number(row.billable)]));
    expect(billable["30"]).toBe(charged);
    expect(rows.find((row) => row.timeout_minutes === "30")?.current).toBe("true");
    expect(billable).toEqual({ 5: 7, 15: 6, 30: 6, 45: 5, 60: 4, 120: 3 });
    expect(rows.find((row) => row.timeout_minutes === "5")).toMatchObject({ conversations: "9", cancelled: "2" });
  });

  it("prices the range both ways from the same traffic", async () => {
    const rows = await csv("pricing");
    const total = rows.at(-1);
    expect(total).toMatchObject({ day: "total", conversations: "8", charged: "6", messages: "16" });
    // Free plan: a conversation credit at the smallest pack's €0.09, a message at €0.01.
    expect(total).toMatchObject({ conversation_credits_cents: "54", message_credits_cents: "16" });
    expect(rows).toHaveLength(31);
  });

  it("shows patterns: cancelled share, top end users, distributions and the heatmap", async () => {
    expect(await csv("cancelled")).toEqual([{ finished: "8", cancelled: "2", cancelled_percent: "25" }]);
    const top = await csv("top-end-users");
    expect(top[0]).toMatchObject({ end_user_id: "alice", conversations: "3", charged: "3", cancelled: "0" });
    expect(top.map((row) => row.end_user_id).sort()).toEqual(["alice", "carol", "frank", "gina"]);
    const messages = await csv("messages");
    expect(messages.find((row) => row.bucket === "2")?.conversations).toBe("5");
    expect(messages.find((row) => row.bucket === "1")?.conversations).toBe("2");
    const heatmap = await csv("heatmap");
    expect(heatmap).toHaveLength(7);
    const cells = heatmap.flatMap((row) => Object.entries(row).filter(([column]) => column.startsWith("h")).map(([, value]) => Number(value)));
    expect(cells.reduce((sum, value) => sum + value, 0)).toBe(8);
    expect((await csv("session-lengths")).reduce((sum, row) => sum + Number(row.conversations), 0)).toBe(8);
  });

  it("forecasts the period and ranks plans", async () => {
    const forecast = await csv("forecast");
    expect(forecast.length).toBeGreaterThanOrEqual(28);
    expect(forecast.some((row) => row.used === "6")).toBe(true);
    const plans = await csv("plans");
    expect(plans.map((row) => row.plan).sort()).toEqual(["business", "free", "pro", "starter"]);
    expect(Number(plans[0]?.total_cents)).toBeLessThanOrEqual(Number(plans[1]?.total_cents));
  });

  it("renders every view for a viewer, and keeps a range out of other workspaces' data", async () => {
    const viewer = await addTestMember(workspaceId, "viewer");
    const viewerSession = new HttpSession(appUrl);
    expect(await viewerSession.signIn(viewer.email, PASSWORD)).toBeNull();
    for (const path of ["/dashboard/insights", "/dashboard/insights/timeout?custom=45", "/dashboard/insights/forecast", "/dashboard/insights/patterns"]) {
      const response = await viewerSession.fetch(path);
      expect(response.status, path).toBe(200);
    }
    const other = await createTestWorkspace();
    const outsider = new HttpSession(appUrl);
    expect(await outsider.signIn(other.email, PASSWORD)).toBeNull();
    const rows = parseCsv(await (await outsider.fetch("/dashboard/insights/export/timeouts")).text());
    expect(rows.every((row) => row.billable === "0")).toBe(true);
  });

  it("answers an unknown figure with 404", async () => {
    expect((await session.fetch("/dashboard/insights/export/nope")).status).toBe(404);
  });
});
