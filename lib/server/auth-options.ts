import type { NextAuthOptions } from "next-auth";
import { findOrLinkOidcUser } from "@/lib/db/users";
import { getConfig } from "./config";

/** Lifetime of a session cookie. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** True when OIDC sign-in is configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). */
export function isOidcEnabled(): boolean {
  return getConfig().oidc !== undefined;
}

function oidcProviders(): NextAuthOptions["providers"] {
  const oidc = getConfig().oidc;
  if (!oidc) return [];
  return [
    {
      id: "oidc",
      name: oidc.name,
      type: "oauth",
      wellKnown: `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email?.toLowerCase() ?? null,
        name: profile.name ?? profile.email ?? profile.sub,
      }),
    },
  ];
}

/**
 * next-auth options: JWT sessions; OIDC when configured. Password sign-in goes through
 * POST /api/login (so throttling can answer 429 with Retry-After), which mints the same JWT.
 * An OIDC identity signs in only as a user an admin already added (matched by email).
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: getConfig().authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: oidcProviders(),
    pages: { signIn: "/login", error: "/login" },
    callbacks: {
      async signIn({ account, user }) {
        if (account?.provider !== "oidc") return false;
        if (!user.email) return false;
        const linked = await findOrLinkOidcUser(
          "oidc",
          account.providerAccountId,
          user.email,
          user.name ?? user.email,
        );
        return linked !== null;
      },
      async jwt({ token, account, user }) {
        if (account?.provider === "oidc" && user?.email) {
          const linked = await findOrLinkOidcUser(
            "oidc",
            account.providerAccountId,
            user.email,
            user.name ?? user.email,
          );
          if (linked)
            Object.assign(token, { sub: linked.id, uid: linked.id, sv: linked.sessionVersion });
        }
        return token;
      },
    },
  };
}
