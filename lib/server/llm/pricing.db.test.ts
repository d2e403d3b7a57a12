import { beforeAll, describe, expect, it } from "vitest";
import {
  deleteModelPrice,
  findModelPrice,
  listModelPrices,
  upsertModelPrice,
} from "@/lib/db/model-prices";
import { createConnection, findConnectionByName } from "@/lib/db/connections";
import { setupTestDatabase } from "@/test/database";
import { createAdminContext } from "@/test/fixtures";
import { createPricer, priceCall } from "./pricing";

setupTestDatabase();

let workspaceId: string;
let otherWorkspaceId: string;
beforeAll(async () => {
  workspaceId = (await createAdminContext("Prices")).workspace.id;
  otherWorkspaceId = (await createAdminContext("Other prices")).workspace.id;
});

const usage = { inputTokens: 1_000_000, outputTokens: 100_000, cachedTokens: 250_000 };
const connection = { name: "azure-eu", provider: "openai", baseUrl: null };

describe("model price overrides", () => {
  it("stores decimal rates and reads them back as numbers", async () => {
    await upsertModelPrice(workspaceId, {
      provider: "azure-eu",
      model: "house",
      inputPerMTok: 0.12345678,
      outputPerMTok: 4,
      cachedInputPerMTok: null,
    });
    expect(await findModelPrice(workspaceId, ["azure-eu"], "house")).toEqual({
      provider: "azure-eu",
      model: "house",
      inputPerMTok: 0.12345678,
      outputPerMTok: 4,
      cachedInputPerMTok: null,
    });
    expect(await findModelPrice(otherWorkspaceId, ["azure-eu"], "house")).toBeNull();
  });

  it("prices with the connection-name override first, then the provider-type one, then the catalog", async () => {
    const catalog = priceCall({ provider: "openai", baseUrl: null, model: "gpt-4o", usage });
    expect(catalog.source).toBe("catalog");
    await upsertModelPrice(workspaceId, {
      provider: "openai",
      model: "gpt-4o",
      inputPerMTok: 1,
      outputPerMTok: 10,
      cachedInputPerMTok: 0.5,
    });
    expect(await createPricer(workspaceId).price(connection, "gpt-4o", usage)).toEqual({
      costUsd: 0.75 + 0.125 + 1,
      priced: true,
      source: "override",
    });
    await upsertModelPrice(workspaceId, {
      provider: "azure-eu",
      model: "gpt-4o",
      inputPerMTok: 2,
      outputPerMTok: 20,
      cachedInputPerMTok: 1,
    });
    expect((await createPricer(workspaceId).price(connection, "gpt-4o", usage)).costUsd).toBe(
      1.5 + 0.25 + 2,
    );
    expect(await createPricer(otherWorkspaceId).price(connection, "gpt-4o", usage)).toEqual(
      catalog,
    );
  });

  it("reads a connection with its model's override in the pricer's order", async () => {
    await createConnection(workspaceId, {
      name: "azure-eu",
      provider: "openai",
      baseUrl: "http://127.0.0.1:9/v1",
      encryptedApiKey: null,
      models: [],
      maxConcurrent: 4,
      requestsPerMinute: 60,
    });
    const withPrice = (model: string) =>
      findConnectionByName(workspaceId, "azure-eu", model).then((c) => c?.price);
    expect(await withPrice("gpt-4o")).toEqual({
      provider: "azure-eu",
      model: "gpt-4o",
      inputPerMTok: 2,
      outputPerMTok: 20,
      cachedInputPerMTok: 1,
    });
    await deleteModelPrice(workspaceId, "azure-eu", "gpt-4o");
    expect((await withPrice("gpt-4o"))?.provider).toBe("openai");
    expect(await withPrice("unlisted")).toBeNull();
    expect(await findConnectionByName(otherWorkspaceId, "azure-eu", "gpt-4o")).toBeNull();
  });

  it("lists, replaces and deletes overrides", async () => {
    await upsertModelPrice(workspaceId, {
      provider: "openai",
      model: "gpt-4o",
      inputPerMTok: 3,
      outputPerMTok: 30,
      cachedInputPerMTok: null,
    });
    const listed = await listModelPrices(workspaceId);
    expect(listed.find((p) => p.provider === "openai" && p.model === "gpt-4o")?.inputPerMTok).toBe(
      3,
    );
    await deleteModelPrice(workspaceId, "openai", "gpt-4o");
    expect(await findModelPrice(workspaceId, ["openai"], "gpt-4o")).toBeNull();
  });
});
