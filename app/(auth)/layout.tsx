import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale/locale-switcher";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 text-xl font-bold tracking-tight text-slate-900">
        Convo<span className="text-brand-600">meter</span>
      </Link>
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
      <div className="mt-6">
        <LocaleSwitcher />
      </div>
    </main>
  );
}
