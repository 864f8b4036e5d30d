import type { ReactNode } from "react";

/** A scrollable table with the app's header style; rows are the caller's <tr>s. */
export function Table({ headers, children, caption }: { headers: ReactNode[]; children: ReactNode; caption?: string }) {
  return (
    <div className="-mx-5 overflow-x-auto sm:mx-0">
      <table className="min-w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {headers.map((header, index) => (
              <th key={index} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Cell({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`px-3 py-2 ${className}`}>{children}</td>;
}
