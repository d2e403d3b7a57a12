import type { ReactNode } from "react";
import { Wordmark } from "@/components/brand/wordmark";

/** The centred card used by setup, sign-in and change-password. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-muted/40 px-4 py-12">
      <main className="flex w-full max-w-md flex-col items-center gap-8">
        <Wordmark className="text-lg" />
        <div className="w-full rounded-xl border bg-card p-6 shadow-sm sm:p-8">
          <div className="mb-6 flex flex-col gap-1.5">
            <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
            {description && <div className="text-sm text-muted-foreground">{description}</div>}
          </div>
          {children}
        </div>
        {footer && <div className="text-center text-sm text-muted-foreground">{footer}</div>}
      </main>
    </div>
  );
}
