/** Turns better-auth error codes into sentences a person can act on. */
export function authErrorMessage(error: { code?: string; status?: number; message?: string }): string {
  if (error.status === 429)
    return error.code === "ACCOUNT_THROTTLED" && error.message
      ? error.message
      : "Too many attempts. Wait a minute, then try again.";
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "Wrong email or password.";
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "That email is already registered. Sign in instead, or use another email.";
    case "PASSWORD_TOO_SHORT":
      return "Use a password of at least 8 characters.";
    case "PASSWORD_TOO_LONG":
      return "Use a password of at most 128 characters.";
    case "INVALID_EMAIL":
      return "Enter a valid email address, like name@example.com.";
    default:
      return error.message && error.status && error.status < 500
        ? error.message
        : "Something went wrong on our side. Try again in a moment.";
  }
}
