import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { findUserById, type UserRecord } from "@/lib/db/users";
import { SESSION_MAX_AGE_SECONDS } from "./auth-options";
import { getConfig } from "./config";

function secureCookies(): boolean {
  return getConfig().publicUrl.startsWith("https://");
}

/** next-auth's session cookie name (with the __Secure- prefix over https). */
export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

/** Writes a next-auth JWT session cookie for the user. */
export async function startSession(user: UserRecord): Promise<void> {
  const token = await encode({
    secret: getConfig().authSecret,
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: {
      sub: user.id,
      uid: user.id,
      sv: user.sessionVersion,
      email: user.email,
      name: user.name,
    },
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/**
 * The signed-in user, read from the session cookie and checked against the database on every
 * call: a tampered cookie, a deleted user or a session older than the last password change is none.
 */
export async function currentUser(): Promise<UserRecord | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  let token: Awaited<ReturnType<typeof decode>>;
  try {
    token = await decode({ token: raw, secret: getConfig().authSecret });
  } catch {
    return null;
  }
  const userId = typeof token?.uid === "string" ? token.uid : null;
  if (!userId) return null;
  const user = await findUserById(userId);
  if (!user || user.sessionVersion !== token?.sv) return null;
  return user;
}
