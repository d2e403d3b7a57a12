import { getDb } from "./client";

/** The columns of a user that services work with. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  mustChangePassword: boolean;
  sessionVersion: number;
}

const userSelect = {
  id: true,
  email: true,
  name: true,
  passwordHash: true,
  mustChangePassword: true,
  sessionVersion: true,
} as const;

/** True once any user exists (the first admin closes /setup). */
export async function anyUserExists(): Promise<boolean> {
  return (await getDb().user.findFirst({ select: { id: true } })) !== null;
}

/** Looks a user up by (lower-case) email. */
export function findUserByEmail(email: string): Promise<UserRecord | null> {
  return getDb().user.findUnique({ where: { email }, select: userSelect });
}

/** Looks a user up by id. */
export function findUserById(id: string): Promise<UserRecord | null> {
  return getDb().user.findUnique({ where: { id }, select: userSelect });
}

/** Sets a new password hash, bumping the session version so older sessions end. */
export function setPassword(
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<UserRecord> {
  return getDb().user.update({
    where: { id: userId },
    data: { passwordHash, mustChangePassword, sessionVersion: { increment: 1 } },
    select: userSelect,
  });
}

/** Finds the user linked to an external identity, linking by verified email on first sign-in. */
export async function findOrLinkOidcUser(
  provider: string,
  providerAccountId: string,
  email: string,
  name: string,
): Promise<UserRecord | null> {
  const db = getDb();
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: userSelect } },
  });
  if (account) return account.user;
  const user = await db.user.findUnique({ where: { email }, select: userSelect });
  if (!user) return null;
  await db.account.create({ data: { provider, providerAccountId, userId: user.id } });
  return user.name ? user : { ...user, name };
}

/** Adds each row's author name (one query for all rows; null when there is no author or user). */
export async function withAuthorNames<T extends { authorId: string | null }>(
  rows: T[],
): Promise<(T & { authorName: string | null })[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const users =
    ids.length === 0
      ? []
      : await getDb().user.findMany({
          where: { id: { in: ids } },
          select: { id: true, name: true },
        });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ ...r, authorName: (r.authorId && names.get(r.authorId)) || null }));
}
