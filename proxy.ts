import { NextResponse, type NextRequest } from "next/server";

/**
 * Routes API look-alikes (`/API/...`, `/api//x`) to the unknown-API handler, which answers JSON
 * (401 without a session, 404 with one), so no path variant reaches a page or skips auth.
 * Canonical `/api/` paths skip the proxy (so their bodies are not buffered here); authentication
 * itself happens in the route wrapper and page context, never only here.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const looksLikeApi = /^\/+api(\/|$)/i.test(pathname);
  const canonical = pathname.startsWith("/api/") && !pathname.includes("//");
  if (looksLikeApi && !canonical) {
    const url = request.nextUrl.clone();
    // Run API look-alikes (`/API/V1/...`) get the run API's public JSON 404, not a sign-in 401.
    url.pathname = /^\/+api\/+v1(\/|$)/i.test(pathname) ? "/api/v1/_unknown" : "/api/_unknown";
    return NextResponse.rewrite(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
