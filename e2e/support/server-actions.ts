import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { HttpSession } from "./http-session";

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

export interface ServerActionRef {
  id: string;
  file: string;
  name: string;
  /** A page that renders a form using the action: where the browser would post it. */
  page: string;
}

/** Every server action of the production build, read from Next.js's manifest of action ids. */
export function serverActions(): ServerActionRef[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, file: entry.filename, name: entry.exportedName, page: pageUrl(Object.keys(entry.workers)[0] ?? "app/page") }));
}

export function serverAction(name: string): ServerActionRef {
  const found = serverActions().find((action) => action.name === name);
  if (!found) throw new Error(`No server action named ${name} in the build`);
  return found;
}

/** Every function exported by a "use server" file in the source, as "file#name". */
export function sourceServerActions(roots = ["app", "components", "lib"]): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        const source = readFileSync(full, "utf8");
        if (!/^["']use server["'];/m.test(source)) continue;
        for (const match of source.matchAll(/^export (?:async function|const) (\w+)/gm)) found.push(`${full}#${match[1]}`);
      }
    }
  };
  roots.forEach(walk);
  return found.sort();
}

export interface ActionResponse {
  status: number;
  /** The action's return value (an ActionResult for the dashboard's actions), when it ran. */
  result: unknown;
}

/**
 * Calls a server action over HTTP exactly as the browser does (Next-Action header, arguments as a
 * JSON array, the page's own Origin unless another is given).
 */
export async function callServerAction(session: HttpSession, action: ServerActionRef, args: unknown[], options: { origin?: string } = {}): Promise<ActionResponse> {
  const response = await session.fetch(action.page, {
    method: "POST",
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: options.origin ?? session.baseUrl,
    },
    // React's reply encoding: a string starting with "$" is escaped, other "$" strings are references.
    body: JSON.stringify(args, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value)),
  });
  const text = await response.text();
  // The RSC payload: row 0 is the page/flight data, row 1 the action's return value.
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  let result: unknown = undefined;
  if (row) {
    try {
      result = JSON.parse(row.slice(2));
    } catch {
      result = row.slice(2);
    }
  }
  return { status: response.status, result };
}

function pageUrl(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? "00000000-0000-4000-8000-000000000000" : segment));
  return `/${segments.join("/")}`;
}
