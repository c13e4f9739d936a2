import { BASE_ERROR_CODES } from "better-auth";
import { APIError } from "better-auth/api";
import { describe, expect, it } from "vitest";
import { authErrorMessage } from "./auth-messages";

type ErrorCode = keyof typeof BASE_ERROR_CODES;
type HttpStatus = Parameters<typeof APIError.from>[0];

/** The error the better-auth client hands the form, built from the server's real APIError. */
function clientError(status: HttpStatus, code: ErrorCode) {
  const error = APIError.from(status, BASE_ERROR_CODES[code]);
  return { code: error.body?.code, message: error.body?.message, status: error.statusCode };
}

const GENERIC = "Something went wrong on our side. Try again in a moment.";

describe("authErrorMessage", () => {
  it.each([
    ["UNAUTHORIZED", "INVALID_EMAIL_OR_PASSWORD", "Wrong email or password."],
    [
      "UNPROCESSABLE_ENTITY",
      "USER_ALREADY_EXISTS",
      "That email is already registered. Sign in instead, or use another email.",
    ],
    [
      "UNPROCESSABLE_ENTITY",
      "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
      "That email is already registered. Sign in instead, or use another email.",
    ],
    ["BAD_REQUEST", "PASSWORD_TOO_SHORT", "Use a password of at least 8 characters."],
    ["BAD_REQUEST", "PASSWORD_TOO_LONG", "Use a password of at most 128 characters."],
    ["BAD_REQUEST", "INVALID_EMAIL", "Enter a valid email address, like name@example.com."],
  ] as const)("maps %s %s to its own sentence", (status, code, sentence) => {
    const error = clientError(status, code);
    expect(error.code).toBe(code);
    expect(authErrorMessage(error)).toBe(sentence);
  });

  it("gives the same message for an unknown email and a wrong password, so accounts cannot be discovered", () => {
    // better-auth answers both with 401 INVALID_EMAIL_OR_PASSWORD (api/routes/sign-in); the
    // sentence must depend on that code only, never on the server's wording for either case.
    const base = clientError("UNAUTHORIZED", "INVALID_EMAIL_OR_PASSWORD");
    const unknownEmail = { ...base, message: "User not found" };
    const wrongPassword = { ...base, message: "Invalid password" };
    expect(authErrorMessage(unknownEmail)).toBe(authErrorMessage(wrongPassword));
    expect(authErrorMessage(wrongPassword)).toBe("Wrong email or password.");
  });

  it("asks the person to wait on 429, whatever the code", () => {
    const wait = "Too many attempts. Wait a minute, then try again.";
    expect(authErrorMessage({ status: 429 })).toBe(wait);
    expect(
      authErrorMessage({ status: 429, code: "INVALID_EMAIL_OR_PASSWORD", message: "Too many requests" }),
    ).toBe(wait);
  });

  it.each([
    [{ status: 500, message: "PrismaClientKnownRequestError: connection refused" }],
    [{ status: 503, code: "FAILED_TO_CREATE_SESSION", message: "Failed to create session" }],
    [{ status: 502 }],
    [{ message: "fetch failed" }],
    [{}],
  ])("hides server detail behind the generic message: %j", (error) => {
    expect(authErrorMessage(error)).toBe(GENERIC);
  });

  it("passes on the message of other client errors, which describe the request", () => {
    expect(authErrorMessage(clientError("FORBIDDEN", "EMAIL_NOT_VERIFIED"))).toBe("Email not verified");
  });

  it("uses the generic message for a client error without a message", () => {
    expect(authErrorMessage({ status: 400, code: "SOMETHING_NEW" })).toBe(GENERIC);
  });
});
