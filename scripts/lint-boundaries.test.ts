import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(__dirname, "..") });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, "..", file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("import boundaries (ARCHITECTURE.md section 1)", () => {
  it("keeps lib/engine free of I/O, frameworks and app code", async () => {
    const code = [
      'import fs from "node:fs";',
      'import { NextResponse } from "next/server";',
      'import { getDb } from "@/lib/db/client";',
      'import { logger } from "@/lib/server/logger";',
      "export const all = [fs, NextResponse, getDb, logger];",
    ].join("\n");
    expect(await restrictedImports("lib/engine/probe.ts", code)).toHaveLength(4);
  });

  it("lets lib/nodes import lib/engine and zod but not the database", async () => {
    expect(
      await restrictedImports(
        "lib/nodes/probe.ts",
        'import { z } from "zod";\nexport const s = z;',
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "lib/nodes/probe.ts",
        'import OpenAI from "openai";\nexport const o = OpenAI;',
      ),
    ).toHaveLength(1);
  });

  it("keeps components away from lib/db and lib/server except type imports", async () => {
    expect(
      await restrictedImports(
        "components/probe.ts",
        'import { getDb } from "@/lib/db/client";\nexport const d = getDb;',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "components/probe.ts",
        'import type { Action } from "@/lib/server/permissions";\nexport type A = Action;',
      ),
    ).toEqual([]);
  });

  it("lets only lib/db import the Prisma client", async () => {
    const code =
      'import { PrismaClient } from "@/lib/db/generated/client.ts";\nexport const p = PrismaClient;';
    expect(await restrictedImports("lib/server/probe.ts", code)).toHaveLength(1);
    expect(await restrictedImports("app/api/probe/route.ts", code)).toHaveLength(1);
    expect(await restrictedImports("lib/db/probe.ts", code)).toEqual([]);
  });

  it("keeps route handlers and pages off lib/db", async () => {
    const code = 'import { getDb } from "@/lib/db/client";\nexport const d = getDb;';
    expect(await restrictedImports("app/api/probe/route.ts", code)).toHaveLength(1);
  });
});
