import path from "node:path";
import { loadInstanceSecrets } from "./instance-secrets";

/** Runtime configuration resolved from the environment (README lists every variable). */
export interface AppConfig {
  dataDir: string;
  authSecret: string;
  encryptionKey: string;
  publicUrl: string;
  openaiApiKey?: string;
  openaiBaseUrl?: string;
  oidc?: { issuer: string; clientId: string; clientSecret: string; name: string };
}

let cached: AppConfig | undefined;

/** Reads configuration once per process; generates the instance secrets on first use. */
export function getConfig(): AppConfig {
  if (cached) return cached;
  const dataDir = path.resolve(process.env.TRELLIS_DATA_DIR || ".data");
  const secrets = loadInstanceSecrets(dataDir);
  const port = process.env.PORT || "3000";
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
  cached = {
    dataDir,
    authSecret: secrets.authSecret,
    encryptionKey: secrets.encryptionKey,
    publicUrl: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    openaiApiKey: process.env.OPENAI_API_KEY || undefined,
    openaiBaseUrl: process.env.OPENAI_BASE_URL || undefined,
    oidc:
      OIDC_ISSUER && OIDC_CLIENT_ID && OIDC_CLIENT_SECRET
        ? {
            issuer: OIDC_ISSUER,
            clientId: OIDC_CLIENT_ID,
            clientSecret: OIDC_CLIENT_SECRET,
            name: process.env.OIDC_NAME || "SSO",
          }
        : undefined,
  };
  return cached;
}
