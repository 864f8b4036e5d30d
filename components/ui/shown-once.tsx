import type { ReactNode } from "react";

/** A value the server will not show again (an invitation link, a signing secret), with what it is. */
export function ShownOnce({ title, value, testId, className = "" }: { title: ReactNode; value: string; testId: string; className?: string }) {
  return (
    <div className={`rounded-md bg-emerald-50 p-3 text-sm ring-1 ring-emerald-200 ${className}`} role="status">
      <p className="font-medium text-emerald-900">{title}</p>
      <code className="mt-1 block break-all font-mono text-xs" data-testid={testId}>
        {value}
      </code>
    </div>
  );
}
