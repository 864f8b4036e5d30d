import { z } from "zod";
import { eventSchema, EVENT_LIMITS } from "@/lib/metering/schemas";

// The event schema is generated from the very zod schema the API validates with, so the document
// cannot drift from the code; the rest mirrors the route handlers.
const { $schema: _ignored, ...eventJsonSchema } = z.toJSONSchema(eventSchema, { io: "input", unrepresentable: "any" });

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ["bad_request", "validation_failed", "unauthorized", "not_found", "payload_too_large", "rate_limited", "unavailable", "internal"] },
        message: { type: "string" },
        issues: {
          type: "array",
          items: { type: "object", required: ["field", "message"], properties: { index: { type: "integer" }, field: { type: "string" }, message: { type: "string" } } },
        },
      },
    },
  },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const commonErrors = {
  "401": errorResponse("Missing, unknown or revoked API key."),
  "429": { ...errorResponse("Too many requests for this key; retry after `Retry-After` seconds."), headers: { "Retry-After": { schema: { type: "integer" } } } },
  "503": { ...errorResponse("The database is unavailable; retry after `Retry-After` seconds."), headers: { "Retry-After": { schema: { type: "integer" } } } },
};

const conversation = {
  type: "object",
  required: ["id", "endUserId", "threadId", "channel", "topic", "status", "closeReason", "billable", "blocked", "chargedAt", "startedAt", "lastActivityAt", "messageCount", "userMessageCount", "assistantMessageCount"],
  properties: {
    id: { type: "string", format: "uuid" },
    endUserId: { type: "string" },
    threadId: { type: ["string", "null"] },
    channel: { type: "string", enum: ["live", "test", "preview"] },
    topic: { type: ["string", "null"] },
    status: { type: "string", enum: ["open", "closed", "cancelled"], description: "Derived when read: a conversation idle for longer than the timeout is closed (answered) or cancelled (never answered)." },
    closeReason: { type: ["string", "null"], enum: ["timeout", "closed", "topic_change", null] },
    billable: { type: "boolean", description: "Charged one credit: the customer wrote and the bot answered, on the live channel." },
    blocked: { type: "boolean", description: "Beyond the balance under the `pause` overage policy: recorded, never charged." },
    chargedAt: { type: ["string", "null"], format: "date-time" },
    startedAt: { type: "string", format: "date-time" },
    lastActivityAt: { type: "string", format: "date-time" },
    messageCount: { type: "integer" },
    userMessageCount: { type: "integer" },
    assistantMessageCount: { type: "integer" },
  },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Convometer metering API",
    version: "1.0.0",
    description:
      "Send every chatbot message; Convometer groups them into conversations and charges one credit per conversation in which the customer wrote and the bot answered. Authenticate with `Authorization: Bearer ck_live_...`.",
  },
  servers: [{ url: "/" }],
  security: [{ apiKey: [] }],
  components: {
    securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key created in Settings → API keys." } },
    schemas: {
      Event: eventJsonSchema,
      Error: error,
      Conversation: conversation,
      EventResult: {
        type: "object",
        required: ["id", "status", "conversationId", "newConversation", "charged", "allowed"],
        properties: {
          id: { type: "string" },
          status: { type: "string", enum: ["accepted", "duplicate"], description: "`duplicate`: this id was seen before; the original outcome is repeated and nothing changes." },
          conversationId: { type: ["string", "null"], format: "uuid" },
          newConversation: { type: "boolean" },
          charged: { type: "boolean", description: "This event made its conversation billable and charged one credit." },
          allowed: { type: "boolean", description: "false when the conversation is blocked (overage policy `pause` with no credits left): hand over to a human." },
        },
      },
    },
  },
  paths: {
    "/api/v1/events": {
      post: {
        summary: "Record message events",
        description: `One event, or \`{ "events": [...] }\` with at most ${EVENT_LIMITS.maxEventsPerBatch} events and ${EVENT_LIMITS.maxBodyBytes.toLocaleString("en")} bytes. A batch is validated as a whole; an invalid event rejects it with 422 and nothing is stored. Retrying a batch is always safe.`,
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  { $ref: "#/components/schemas/Event" },
                  { type: "object", required: ["events"], properties: { events: { type: "array", minItems: 1, maxItems: EVENT_LIMITS.maxEventsPerBatch, items: { $ref: "#/components/schemas/Event" } } } },
                ],
              },
            },
          },
        },
        responses: {
          "200": {
            description: "Every event applied (or recognised as a duplicate).",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["results", "balance"],
                  properties: {
                    results: { type: "array", items: { $ref: "#/components/schemas/EventResult" } },
                    balance: { type: "object", required: ["remaining", "overage"], properties: { remaining: { type: "integer" }, overage: { type: "integer" } } },
                  },
                },
              },
            },
          },
          "400": errorResponse("The body is not JSON."),
          "413": errorResponse("More than 1,000 events or 1 MB."),
          "422": errorResponse("Invalid events; `issues` lists `{ index, field, message }` for each problem."),
          ...commonErrors,
        },
      },
    },
    "/api/v1/conversations": {
      get: {
        summary: "List conversations, newest first",
        parameters: [
          { name: "from", in: "query", schema: { type: "string", format: "date-time" }, description: "Started at or after." },
          { name: "to", in: "query", schema: { type: "string", format: "date-time" }, description: "Started at or before." },
          { name: "endUserId", in: "query", schema: { type: "string" } },
          { name: "channel", in: "query", schema: { type: "string", enum: ["live", "test", "preview"] } },
          { name: "status", in: "query", schema: { type: "string", enum: ["open", "closed", "cancelled"] } },
          { name: "billable", in: "query", schema: { type: "string", enum: ["true", "false"] } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          { name: "cursor", in: "query", schema: { type: "string" }, description: "`nextCursor` of the previous page." },
        ],
        responses: {
          "200": {
            description: "A page of conversations.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "nextCursor"],
                  properties: { data: { type: "array", items: { $ref: "#/components/schemas/Conversation" } }, nextCursor: { type: ["string", "null"] } },
                },
              },
            },
          },
          "422": errorResponse("Invalid query parameters."),
          ...commonErrors,
        },
      },
    },
    "/api/v1/conversations/{id}": {
      get: {
        summary: "One conversation with its messages in order",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": {
            description: "The conversation.",
            content: {
              "application/json": {
                schema: {
                  allOf: [
                    { $ref: "#/components/schemas/Conversation" },
                    {
                      type: "object",
                      required: ["messages", "charge"],
                      properties: {
                        messages: {
                          type: "array",
                          items: {
                            type: "object",
                            required: ["id", "role", "at", "text"],
                            properties: { id: { type: "string" }, role: { type: "string", enum: ["user", "assistant", "system"] }, at: { type: "string", format: "date-time" }, text: { type: ["string", "null"] } },
                          },
                        },
                        charge: {
                          type: ["object", "null"],
                          properties: { source: { type: "string", enum: ["plan", "pack", "overage"] }, packId: { type: ["string", "null"] }, at: { type: "string", format: "date-time" } },
                        },
                      },
                    },
                  ],
                },
              },
            },
          },
          "404": errorResponse("No such conversation in this workspace."),
          ...commonErrors,
        },
      },
    },
    "/api/v1/end-users/{endUserId}": {
      delete: {
        summary: "Erase one end user (right to erasure)",
        description:
          "Erases the message texts of every conversation of this end user and replaces their id with a pseudonym, in one transaction. Counts, charges and the balance do not change. Idempotent: erasing again answers the same pseudonym with zero counts. Later events with the same id start a new end user.",
        parameters: [{ name: "endUserId", in: "path", required: true, description: "The id your events used, percent-encoded.", schema: { type: "string", minLength: 1, maxLength: EVENT_LIMITS.maxEndUserIdLength } }],
        responses: {
          "200": {
            description: "Erased.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["endUserId", "conversations", "messagesErased"],
                  properties: {
                    endUserId: { type: "string", description: "The pseudonym the conversations now carry (erased-…)." },
                    conversations: { type: "integer", description: "Conversations renamed by this call." },
                    messagesErased: { type: "integer", description: "Message texts erased by this call." },
                  },
                },
              },
            },
          },
          "404": errorResponse("This workspace has never seen this end user."),
          ...commonErrors,
        },
      },
    },
    "/api/v1/usage": {
      get: {
        summary: "Credits and conversations of the current billing period",
        responses: {
          "200": {
            description: "Usage.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["periodStart", "periodEnd", "plan", "usedThisPeriod", "remaining", "overage", "conversations"],
                  properties: {
                    periodStart: { type: "string", format: "date-time" },
                    periodEnd: { type: "string", format: "date-time" },
                    plan: { type: "object", required: ["id", "included"], properties: { id: { type: "string" }, included: { type: "integer" } } },
                    usedThisPeriod: { type: "integer", description: "Conversations charged in the period, whatever paid for them." },
                    remaining: { type: "object", required: ["plan", "packs", "total"], properties: { plan: { type: "integer" }, packs: { type: "integer" }, total: { type: "integer" } } },
                    overage: { type: "integer", description: "Conversations charged beyond every credit and not yet paid off by a pack." },
                    conversations: {
                      type: "object",
                      required: ["billable", "cancelled", "test"],
                      description: "Conversations started in the period: charged, ended without an answer, and on the test or preview channels.",
                      properties: { billable: { type: "integer" }, cancelled: { type: "integer" }, test: { type: "integer" } },
                    },
                  },
                },
              },
            },
          },
          ...commonErrors,
        },
      },
    },
  },
} as const;
