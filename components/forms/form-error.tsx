import { Alert } from "@/components/ui/alert";

/** A form-level error (anything the server said that is not about one field). */
export function FormError({
  message,
  testId = "form-error",
}: {
  message: string | null;
  testId?: string;
}) {
  if (!message) return null;
  return (
    <Alert variant="error" role="alert" data-testid={testId}>
      {message}
    </Alert>
  );
}
