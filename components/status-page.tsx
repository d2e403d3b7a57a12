"use client";

import type { ReactNode } from "react";
import { Wordmark } from "@/components/brand/wordmark";
import { useInShell } from "@/components/shell/in-shell";

/**
 * A status message (403, 404, errors) with one main action. Inside the signed-in shell it
 * renders as page content; elsewhere it brings its own <main> and the wordmark.
 */
export function StatusPage({
  icon,
  code,
  title,
  children,
  action,
}: {
  icon: ReactNode;
  code?: string;
  title: string;
  children: ReactNode;
  action: ReactNode;
}) {
  const inShell = useInShell();
  const card = (
    <div className="flex w-full flex-col items-center rounded-xl border bg-card px-6 py-10 text-center shadow-sm">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full border bg-muted text-muted-foreground [&_svg]:size-5">
        {icon}
      </div>
      {code && (
        <p className="mb-1 font-mono text-xs font-medium text-muted-foreground">Error {code}</p>
      )}
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">{children}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">{action}</div>
    </div>
  );
  if (inShell) return <div className="mx-auto mt-8 w-full max-w-lg sm:mt-16">{card}</div>;
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-muted/40 px-4 py-12">
      <main className="flex w-full max-w-lg flex-col items-center gap-8">
        <Wordmark className="text-lg" />
        {card}
      </main>
    </div>
  );
}
