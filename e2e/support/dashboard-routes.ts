import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every page and route handler under app/(dashboard), as URLs (dynamic segments filled with a
 * random id, or by `fill` from the segment's name), so a new dashboard page is covered by the guard
 * tests without editing them.
 */
export function dashboardUrls(root = "app/(dashboard)", fill: (segment: string) => string = () => randomUUID()): string[] {
  const urls: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(page|route)\.tsx?$/.test(entry.name)) urls.push(toUrl(path.relative(root, directory), fill));
    }
  };
  walk(root);
  return urls.sort();
}

function toUrl(relativeDirectory: string, fill: (segment: string) => string): string {
  const segments = relativeDirectory
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? fill(segment.slice(1, -1)) : segment));
  return `/${segments.join("/")}`;
}
