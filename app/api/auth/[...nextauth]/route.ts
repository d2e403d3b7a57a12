import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth-options";

export const dynamic = "force-dynamic";

type Handler = (request: Request, context: unknown) => Promise<Response>;

/** next-auth: OIDC sign-in, session and sign-out. Options are built per request (config is read lazily). */
const handler: Handler = (request, context) =>
  (NextAuth(authOptions()) as Handler)(request, context);

export { handler as GET, handler as POST };
