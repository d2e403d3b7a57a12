import { getDb } from "./client";
import { Prisma } from "./generated/client.ts";
import { rawRows } from "./raw-sql";

/** A workspace's own price for a model, in USD per million tokens. */
export interface ModelPriceRecord {
  provider: string;
  model: string;
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok: number | null;
}

type Row = {
  provider: string;
  model: string;
  inputPerMTok: { toNumber(): number };
  outputPerMTok: { toNumber(): number };
  cachedInputPerMTok: { toNumber(): number } | null;
};

function toRecord(row: Row): ModelPriceRecord {
  return {
    provider: row.provider,
    model: row.model,
    inputPerMTok: row.inputPerMTok.toNumber(),
    outputPerMTok: row.outputPerMTok.toNumber(),
    cachedInputPerMTok: row.cachedInputPerMTok?.toNumber() ?? null,
  };
}

/** The override for `model` under the first of `providers` that has one (they are tried in order). */
export async function findModelPrice(
  workspaceId: string,
  providers: string[],
  model: string,
): Promise<ModelPriceRecord | null> {
  // Raw SQL: every priced model call asks (see lib/db/README.md, "Hot paths").
  const rows = await rawRows<ModelPriceRecord>(Prisma.sql`
    SELECT provider, model, "inputPerMTok"::float8 AS "inputPerMTok",
      "outputPerMTok"::float8 AS "outputPerMTok", "cachedInputPerMTok"::float8 AS "cachedInputPerMTok"
    FROM "ModelPrice"
    WHERE "workspaceId" = ${workspaceId} AND model = ${model} AND provider = ANY(${providers})
    ORDER BY array_position(${providers}::text[], provider)
    LIMIT 1`);
  return rows[0] ?? null;
}

/** Price overrides of a workspace, by provider and model. */
export async function listModelPrices(workspaceId: string): Promise<ModelPriceRecord[]> {
  const rows = await getDb().modelPrice.findMany({
    where: { workspaceId },
    orderBy: [{ provider: "asc" }, { model: "asc" }],
  });
  return rows.map(toRecord);
}

/** Creates or replaces the override of one provider + model. */
export async function upsertModelPrice(
  workspaceId: string,
  price: ModelPriceRecord,
): Promise<ModelPriceRecord> {
  const { provider, model, ...rates } = price;
  const row = await getDb().modelPrice.upsert({
    where: { workspaceId_provider_model: { workspaceId, provider, model } },
    create: { workspaceId, provider, model, ...rates },
    update: rates,
  });
  return toRecord(row);
}

/** Removes an override (no-op when there is none). */
export async function deleteModelPrice(
  workspaceId: string,
  provider: string,
  model: string,
): Promise<void> {
  await getDb().modelPrice.deleteMany({ where: { workspaceId, provider, model } });
}
