interface MessageRow {
  id: string;
  role: "user" | "assistant" | "system";
  roleLabel: string;
  at: string;
  text: string | null;
}

const BUBBLE = {
  user: "self-start bg-slate-100 text-slate-900",
  assistant: "self-end bg-brand-600 text-white",
  system: "self-center bg-amber-50 text-amber-900 ring-1 ring-amber-200",
} as const;

/** The conversation's messages in the order they arrived, customer left, bot right. */
export function MessageList({ messages, emptyText }: { messages: MessageRow[]; emptyText: string }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Messages">
      {messages.map((message) => (
        <li key={message.id} className={`max-w-[85%] rounded-lg px-3 py-2 ${BUBBLE[message.role]}`} data-testid="message">
          <p className="text-xs opacity-75">
            {message.roleLabel} · <time>{message.at}</time>
          </p>
          <p className="mt-0.5 whitespace-pre-wrap break-words text-sm">{message.text ?? emptyText}</p>
        </li>
      ))}
    </ol>
  );
}
