import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pool } from "@/lib/db";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { readBalance } from "@/lib/credits/read-balance";
import { TestChat } from "./test-chat";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("testChat");
  return { title: `${t("title")} · Convometer` };
}

export default async function TestChatPage() {
  const { workspace } = await requireWorkspaceContext();
  const t = await getTranslations("testChat");
  const balance = await readBalance(pool(), workspace.id);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <TestChat initialBalance={balance.remaining.total} />
    </div>
  );
}
