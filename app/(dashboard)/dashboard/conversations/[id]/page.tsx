import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { AppError } from "@/lib/errors";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { explainCharge } from "@/lib/conversations/explain-charge";
import { getConversation } from "@/lib/conversations/get-conversation";
import { conversationIdSchema } from "@/lib/conversations/schemas";
import { ERASED_PREFIX } from "@/lib/privacy/pseudonym";
import { MessageList } from "./message-list";

async function loadOrNotFound(workspaceId: string, id: string) {
  if (!conversationIdSchema.safeParse(id).success) notFound();
  try {
    return await getConversation(workspaceId, id);
  } catch (error) {
    // Another workspace's conversation is "not found", exactly like one that does not exist.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { workspace } = await requireWorkspaceContext();
  const conversation = await loadOrNotFound(workspace.id, (await params).id);
  const t = await getTranslations("history");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium", timeZone: workspace.timeZone });
  const why = explainCharge(conversation);
  const sentence =
    why.key === "charged"
      ? t("why.charged", { source: why.source === "pack" ? (why.packId ?? "pack") : t(`sources.${why.source}`), date: when(why.at) })
      : t(`why.${why.key}`);

  return (
    <div className="space-y-6">
      <Link href="/dashboard/conversations" className="text-sm font-semibold text-brand-600 hover:underline">
        {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("conversationTitle", { endUser: conversation.endUserId })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {[
            t(`channels.${conversation.channel}`),
            t(`statuses.${conversation.status}`),
            conversation.closeReason ? t(`reasons.${conversation.closeReason}`) : null,
            conversation.threadId ? t("thread", { thread: conversation.threadId }) : null,
            conversation.topic ? t("topic", { topic: conversation.topic }) : null,
            when(conversation.startedAt),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </div>
      <p
        className={`rounded-md px-3 py-2 text-sm font-medium ring-1 ${why.key === "charged" ? "bg-brand-50 text-brand-700 ring-brand-100" : "bg-slate-50 text-slate-700 ring-slate-200"}`}
        data-testid="charge-explanation"
      >
        {sentence}
      </p>
      <Card>
        <MessageList
          messages={conversation.messages.map((m) => ({ id: m.id, role: m.role, roleLabel: t(`roles.${m.role}`), at: when(m.at), text: m.text }))}
          emptyText={conversation.endUserId.startsWith(ERASED_PREFIX) ? t("erased") : t("noText")}
        />
      </Card>
    </div>
  );
}
