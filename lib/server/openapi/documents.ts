import { errors } from "../errors";
import { readableContracts, type ContractReader } from "./contracts";
import { openApiDocument, type EndpointContract, type OpenApiDocument } from "./document";
import { entryConfig } from "./flow-schemas";
import { openAiExtras } from "./openai-paths";

/** True when the endpoint's flow takes a chat input (`{ messages }`), so it serves chat completions. */
export function isChatContract(contract: EndpointContract): boolean {
  return entryConfig(contract.graph)?.mode === "chat";
}

/** The server URL documents name: the origin the request reached. */
export function serverUrlOf(request: Request): string {
  return new URL(request.url).origin;
}

/**
 * `GET /api/v1/openapi.json`: every endpoint the reader may see (a key's scope, or the whole
 * workspace for a member), with the OpenAI-compatible API when any of them is a chat endpoint.
 */
export async function combinedDocument(
  reader: ContractReader,
  serverUrl: string,
): Promise<OpenApiDocument> {
  const contracts = await readableContracts(reader);
  const chatModels = contracts.filter(isChatContract).map((c) => c.slug);
  return openApiDocument(
    contracts,
    {
      title: "Trellis endpoints",
      version: "1",
      description: "Published flows of the workspace, called with an API key.",
    },
    serverUrl,
    chatModels.length > 0 ? openAiExtras(chatModels) : {},
  );
}

/** `GET /api/v1/flows/{slug}/openapi.json`: one endpoint's document; 404 when the reader cannot see it. */
export async function endpointDocument(
  reader: ContractReader,
  slug: string,
  serverUrl: string,
): Promise<OpenApiDocument> {
  const [contract] = await readableContracts(reader, { slug });
  if (!contract) throw errors.notFound(`Endpoint "${slug}"`);
  return openApiDocument(
    [contract],
    { title: `${contract.flowName} (${slug})`, version: String(contract.version) },
    serverUrl,
  );
}
