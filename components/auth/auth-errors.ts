const MESSAGES: Record<string, string> = {
  OAuthSignin: "Single sign-on could not start. Try again, or contact your administrator.",
  OAuthCallback: "Single sign-on did not complete. Try again, or contact your administrator.",
  OAuthCreateAccount:
    "Your single sign-on account could not be set up. Contact your administrator.",
  Callback: "Single sign-on did not complete. Try again, or contact your administrator.",
  OAuthAccountNotLinked: "This email already signs in another way. Use your email and password.",
  AccessDenied: "Access denied: your account is not allowed to sign in here.",
  Configuration: "Sign-in is misconfigured on the server. Contact your administrator.",
  Verification: "The sign-in link is no longer valid. Start again.",
  SessionRequired: "Sign in to continue.",
  CredentialsSignin: "Incorrect email or password.",
};

/** A readable message for a next-auth `?error=` code; unknown codes get a generic message, never echoed text. */
export function authErrorMessage(code: string): string {
  return MESSAGES[code] ?? "Sign-in failed. Try again, or contact your administrator.";
}
