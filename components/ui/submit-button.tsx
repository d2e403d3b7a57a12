import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/** A form's submit button: disabled, with a spinner before its label, while `pending`. */
export function SubmitButton({
  pending,
  children,
  ...props
}: Omit<ComponentProps<typeof Button>, "type" | "disabled" | "asChild"> & { pending: boolean }) {
  return (
    <Button type="submit" disabled={pending} {...props}>
      {pending && <Spinner />}
      {children}
    </Button>
  );
}
