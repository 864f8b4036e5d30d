import type { ConversationDetail } from "@/lib/conversations/get-conversation";

export type ChargeExplanation =
  | { key: "testChannel" | "previewChannel" | "blocked" | "customerNeverWrote" | "notYet" | "noResponse" }
  | { key: "charged"; source: "plan" | "pack" | "overage"; packId: string | null; at: string };

/** Why a conversation was or was not charged, as a key the page words in the reader's language. */
export function explainCharge(conversation: Pick<ConversationDetail, "channel" | "billable" | "blocked" | "charge" | "status" | "userMessageCount">): ChargeExplanation {
  if (conversation.channel === "test") return { key: "testChannel" };
  if (conversation.channel === "preview") return { key: "previewChannel" };
  if (conversation.billable && conversation.charge) {
    return { key: "charged", source: conversation.charge.source, packId: conversation.charge.packId, at: conversation.charge.at };
  }
  if (conversation.blocked) return { key: "blocked" };
  if (conversation.userMessageCount === 0) return { key: "customerNeverWrote" };
  if (conversation.status === "open") return { key: "notYet" };
  return { key: "noResponse" };
}
