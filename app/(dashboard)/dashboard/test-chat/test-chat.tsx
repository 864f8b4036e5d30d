"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendTestChatMessage } from "./actions";

interface ChatLine {
  id: number;
  from: "you" | "bot";
  text: string;
}

export function TestChat({ initialBalance }: { initialBalance: number }) {
  const t = useTranslations("testChat");
  // One thread per visit: reloading the page starts a new test conversation.
  const [chatId] = useState(() => crypto.randomUUID());
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [balance, setBalance] = useState({ before: initialBalance, after: initialBalance });
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onSend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = input.current?.value.trim() ?? "";
    if (!text) return;
    setPending(true);
    const result = await sendTestChatMessage({ chatId, text });
    setPending(false);
    if (!result.ok) return setError(result.error.issues?.[0]?.message ?? result.error.message);
    setError(null);
    if (input.current) input.current.value = "";
    setLines((previous) => [...previous, { id: previous.length, from: "you", text }, { id: previous.length + 1, from: "bot", text: result.data.reply }]);
    setBalance((previous) => ({ before: previous.before, after: result.data.balanceAfter }));
    setConversationId(result.data.conversationId);
  }

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section className="flex min-h-96 flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:col-span-2" aria-label={t("chat")}>
        <ol className="flex flex-1 flex-col gap-3 p-4" aria-live="polite">
          {lines.length === 0 ? <li className="text-sm text-slate-500">{t("empty")}</li> : null}
          {lines.map((line) => (
            <li
              key={line.id}
              data-testid={`chat-${line.from}`}
              className={`max-w-[80%] rounded-lg px-3 py-2 text-sm ${line.from === "you" ? "self-start bg-slate-100" : "self-end bg-brand-600 text-white"}`}
            >
              {line.text}
            </li>
          ))}
        </ol>
        <form onSubmit={onSend} className="flex gap-2 border-t border-slate-200 p-3">
          <label htmlFor="test-message" className="sr-only">
            {t("message")}
          </label>
          <input
            id="test-message"
            ref={input}
            maxLength={4000}
            placeholder={t("placeholder")}
            className="flex-1 rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
          <Button type="submit" disabled={pending}>
            {t("send")}
          </Button>
        </form>
      </section>
      <aside className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="text-sm font-semibold">{t("balanceTitle")}</h2>
        <p className="text-3xl font-semibold tabular-nums" data-testid="test-chat-balance">
          {balance.after}
        </p>
        <p className="text-sm text-slate-600" data-testid="test-chat-balance-note">
          {balance.after === balance.before ? t("unchanged", { count: lines.length / 2 }) : t("changed", { before: balance.before, after: balance.after })}
        </p>
        {conversationId ? (
          <Link href={`/dashboard/conversations/${conversationId}`} className="text-sm font-semibold text-brand-600 hover:underline">
            {t("openConversation")}
          </Link>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </aside>
    </div>
  );
}
