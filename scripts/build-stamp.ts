import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

function walk(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(full).sort()) {
      if (!entry.startsWith(".") && !entry.endsWith(".test.ts"))
        walk(root, path.join(rel, entry), out);
    }
  } else {
    out.push(`${rel}:${stat.size}:${stat.mtimeMs}`);
  }
}

/** A fingerprint of everything `next build` reads, so `npm start` rebuilds only after a change. */
export function buildStamp(root: string): string {
  const entries: string[] = [];
  for (const input of INPUTS) walk(root, input, entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}
