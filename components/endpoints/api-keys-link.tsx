import { KeyRound } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The "API keys" button that opens the API keys settings. */
export function ApiKeysLink() {
  return (
    <Button asChild variant="outline">
      <Link href="/settings/api-keys">
        <KeyRound aria-hidden />
        API keys
      </Link>
    </Button>
  );
}
