import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { expect, inject } from "vitest";
import type { ConversationView } from "@/lib/conversations/conversation-view";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { ApiClient, type EventsResponse } from "./api-client";
import { createTestWorkspace } from "./fixtures";
import { checkLedger, usageRollupMismatches } from "./invariants";
import { modelStatus, referenceModel, type ModelConversation } from "./reference-model";
import { laneBatches, random, scenarioArbitrary, scenarioEvents, shuffle, toApiEvent, withDuplicates, type Scenario, type ScenarioEvent } from "./metering-streams";

type Outcome = Omit<EventsResponse["results"][number], "id" | "status">;

/** A conversation as GET /api/v1/conversations returns it. */
type ApiConversation = ConversationView;

interface PropertyOptions {
  appUrl: string;
  databaseUrl: string;
  /** Owner of the workspace each run creates. */
  ownerUserId: string;
  runs: number;
  maxStreamsPerRun: number;
}

/**
 * Property: for random traffic sent through the real API, with retries and concurrent clients,
 * every event's outcome, every conversation and the ledger equal what the reference model of the
 * README's rules computes. Set FC_SEED (and FC_PATH) to replay a reported failure.
 */
export async function checkEngineAgainstModel(size: { defaultRuns: number; maxStreamsPerRun: number }): Promise<void> {
  const owner = await createTestWorkspace();
  const options: PropertyOptions = {
    appUrl: inject("appUrl"),
    databaseUrl: inject("databaseUrl"),
    ownerUserId: owner.userId,
    runs: Number(process.env.MODEL_RUNS ?? size.defaultRuns),
    maxStreamsPerRun: size.maxStreamsPerRun,
  };
  const seed = Number(process.env.FC_SEED ?? randomBytes(4).readUInt32BE() >>> 1);
  console.log(`Metering model property: seed ${seed} (replay with FC_SEED=${seed})`);
  const totals = { runs: 0, streams: 0, events: 0 };
  await fc.assert(
    fc.asyncProperty(scenarioArbitrary(options.maxStreamsPerRun), async (scenario) => {
      const events = await runScenario(options, scenario);
      totals.runs += 1;
      totals.streams += scenario.streams.length;
      totals.events += events;
    }),
    { numRuns: options.runs, seed, ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) },
  );
  console.log(`Metering model property: ${totals.runs} runs, ${totals.streams} streams, ${totals.events} events`);
}

async function runScenario(options: PropertyOptions, scenario: Scenario): Promise<number> {
  const runId = randomBytes(4).toString("hex");
  const workspace = await createWorkspace(
    { name: `Model ${runId}`, timeoutMinutes: scenario.timeoutMinutes, apiKeyName: "model" },
    { kind: "existing", userId: options.ownerUserId },
  );
  const api = new ApiClient(options.appUrl, workspace.apiKey?.key ?? "");
  const timeoutMs = scenario.timeoutMinutes * 60_000;
  const events = scenarioEvents(scenario, runId, Date.now());
  const model = referenceModel(events, timeoutMs);

  const outcomes = await deliver(api, scenario, events);
  const readFrom = Date.now();
  const conversations = await listAll(api);
  const readTo = Date.now();

  // Conversations are numbered by their first event, on both sides, so equal groupings compare equal.
  const engineLabels = labels(events.map((event) => outcomes.get(event.id)?.conversationId ?? null));
  const modelLabels = labels(events.map((event) => model.outcomes.get(event.id)?.conversation ?? null));
  const engine = {
    events: events.map((event) => {
      const outcome = outcomes.get(event.id);
      return { id: event.id, conversation: engineLabels.of(outcome?.conversationId ?? null), newConversation: outcome?.newConversation, charged: outcome?.charged, allowed: outcome?.allowed };
    }),
    conversations: engineLabels.order.map((id) => view(conversations.find((conversation) => conversation.id === id))),
  };
  const expected = {
    events: events.map((event) => {
      const outcome = model.outcomes.get(event.id);
      return { id: event.id, conversation: modelLabels.of(outcome?.conversation ?? null), newConversation: outcome?.newConversation, charged: outcome?.charged, allowed: true };
    }),
    conversations: modelLabels.order.map((index, label) => {
      const conversation = model.conversations[index] as ModelConversation;
      return modelView(conversation, [readFrom, readTo], timeoutMs, engine.conversations[label]?.status);
    }),
  };
  expect(engine).toEqual(expected);
  expect(conversations).toHaveLength(model.conversations.length);

  const billable = model.conversations.filter((conversation) => conversation.billable).length;
  const ledger = await checkLedger(options.databaseUrl, workspace.workspaceId);
  expect(ledger).toEqual({ billableConversations: billable, debits: billable, ledgerSum: ledger.balanceFromBuckets, balanceFromBuckets: ledger.ledgerSum });
  // The overview's daily rollups (counts and histograms) agree with the conversations.
  expect(await usageRollupMismatches(options.databaseUrl, workspace.workspaceId)).toEqual([]);
  // What the customer is told: the free plan's 50 conversations, then overage.
  const usage = await api.request<{ usedThisPeriod: number; remaining: { total: number }; overage: number }>("/api/v1/usage");
  expect({ used: usage.body.usedThisPeriod, remaining: usage.body.remaining.total, overage: usage.body.overage }).toEqual({
    used: billable,
    remaining: Math.max(0, 50 - billable),
    overage: Math.max(0, billable - 50),
  });
  return events.length;
}

/** Sends the scenario as its concurrent clients would, with retries, then replays everything once. */
async function deliver(api: ApiClient, scenario: Scenario, events: ScenarioEvent[]): Promise<Map<string, Outcome>> {
  const accepted = new Map<string, Outcome>();
  const repeats: { id: string; outcome: Outcome }[] = [];
  const send = async (batch: ScenarioEvent[]) => {
    const { status, body } = await api.postEvents(batch.map(toApiEvent));
    if (status !== 200) throw new Error(`POST /api/v1/events answered ${status}: ${JSON.stringify(body)}`);
    for (const { id, status: eventStatus, ...outcome } of body.results) {
      if (eventStatus === "duplicate") repeats.push({ id, outcome });
      else if (accepted.has(id)) throw new Error(`Event ${id} was accepted twice.`);
      else accepted.set(id, outcome);
    }
  };
  const { delivery } = scenario;
  await Promise.all(
    laneBatches(events, delivery).map(async (batches, lane) => {
      for (const batch of withDuplicates(batches, delivery.duplicatePercent, delivery.seed + lane)) await send(batch);
    }),
  );
  const replay = shuffle(events, random(delivery.seed + 7));
  for (let start = 0; start < replay.length; start += 1_000) await send(replay.slice(start, start + 1_000));
  // A repeated id is a no-op that reports the original outcome.
  for (const { id, outcome } of repeats) expect({ id, ...outcome }).toEqual({ id, ...accepted.get(id) });
  return accepted;
}

async function listAll(api: ApiClient): Promise<ApiConversation[]> {
  const all: ApiConversation[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const { status, body } = await api.request<{ data: ApiConversation[]; nextCursor: string | null }>(`/api/v1/conversations?limit=200${query}`);
    if (status !== 200) throw new Error(`GET /api/v1/conversations answered ${status}`);
    all.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return all;
}

function labels<T>(ids: (T | null)[]) {
  const order: T[] = [];
  for (const id of ids) if (id !== null && !order.includes(id)) order.push(id);
  return { order, of: (id: T | null) => (id === null ? null : order.indexOf(id)) };
}

function view(conversation: ApiConversation | undefined) {
  if (!conversation) return undefined;
  const { id: _id, chargedAt, ...fields } = conversation;
  return { ...fields, charged: chargedAt !== null };
}

/**
 * The model's conversation as the API should show it. Status is derived when read, so a
 * conversation whose timeout ran out while the list was being read may show either side of it.
 */
function modelView(conversation: ModelConversation, [readFrom, readTo]: [number, number], timeoutMs: number, seen: string | undefined) {
  const early = modelStatus(conversation, readFrom, timeoutMs);
  const late = modelStatus(conversation, readTo, timeoutMs);
  const status = seen === late.status ? late : early;
  return {
    endUserId: conversation.endUserId,
    threadId: conversation.threadId,
    channel: conversation.channel,
    topic: conversation.topic,
    ...status,
    billable: conversation.billable,
    blocked: false,
    startedAt: new Date(conversation.startedAt).toISOString(),
    lastActivityAt: new Date(conversation.lastActivityAt).toISOString(),
    messageCount: conversation.userMessages + conversation.assistantMessages + conversation.systemMessages,
    userMessageCount: conversation.userMessages,
    assistantMessageCount: conversation.assistantMessages,
    charged: conversation.billable,
  };
}
