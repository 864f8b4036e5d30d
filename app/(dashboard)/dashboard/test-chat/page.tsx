import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pool } from "@/lib/db";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { readBalance } from "@/lib/credits/read-balance";
import { TestChat } from "./test-chat";

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
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      <TestChat initialBalance={balance.remaining.total} />
    </div>
  );
}
