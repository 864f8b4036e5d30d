import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center px-6 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page does not exist, or it belongs to a workspace you are not a member of.</p>
      <Link href="/dashboard" className="mt-6 text-sm font-semibold text-brand-600 hover:underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
