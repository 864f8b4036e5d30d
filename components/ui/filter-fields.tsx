/** The compact inputs of filter forms (history filters, insights ranges), which sit several to a row. */
export function filterInputClass(width: "w-full" | "w-28" = "w-full"): string {
  return `mt-1 block ${width} rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600`;
}

/** "From" and "to" day inputs of a GET filter form; the values are YYYY-MM-DD. */
export function DateRangeFields({ from, to, labels }: { from?: string; to?: string; labels: { from: string; to: string } }) {
  return (
    <>
      <label className="text-sm font-medium text-slate-700">
        {labels.from}
        <input type="date" name="from" defaultValue={from} className={filterInputClass()} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        {labels.to}
        <input type="date" name="to" defaultValue={to} className={filterInputClass()} />
      </label>
    </>
  );
}
