/** The callback URL when it is a same-origin path ("/runs?x=1"), else null (blocks "//evil", "/\\evil", "https://..."). */
export function safeCallbackUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return null;
  if ([...value].some((char) => char.charCodeAt(0) < 32)) return null;
  return value;
}
