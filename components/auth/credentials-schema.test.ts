import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, SignInSchema, SignUpSchema } from "./credentials-schema";

const EMAIL_MESSAGE = "Enter a valid email address, like name@example.com.";

function errorsOf(schema: typeof SignInSchema | typeof SignUpSchema, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return fieldErrors(parsed.error);
}

describe("SignInSchema", () => {
  it("accepts an email and password and lower-cases the email", () => {
    expect(SignInSchema.parse({ email: "Ana@Example.COM", password: "x" })).toEqual({
      email: "ana@example.com",
      password: "x",
    });
  });

  it("accepts an email typed with surrounding spaces and trims it", () => {
    // Phone keyboards add a space after autocompleted words, and people paste addresses.
    const parsed = SignInSchema.safeParse({ email: "  ana@example.com ", password: "x" });
    expect(parsed.success && parsed.data.email).toBe("ana@example.com");
  });

  it.each(["", "ana", "ana@", "@example.com", "ana@example", "ana example@x.com"])(
    "rejects the email %j with an actionable message",
    (email) => {
      expect(errorsOf(SignInSchema, { email, password: "secret-password" })).toEqual({
        email: EMAIL_MESSAGE,
      });
    },
  );

  it("asks for the password when it is empty, without a length rule (old passwords still sign in)", () => {
    expect(errorsOf(SignInSchema, { email: "ana@example.com", password: "" })).toEqual({
      password: "Enter your password.",
    });
    expect(SignInSchema.safeParse({ email: "ana@example.com", password: "1" }).success).toBe(true);
  });

  it("reports both fields at once", () => {
    expect(errorsOf(SignInSchema, { email: "nope", password: "" })).toEqual({
      email: EMAIL_MESSAGE,
      password: "Enter your password.",
    });
  });
});

describe("SignUpSchema", () => {
  const valid = { name: "Ana Lima", email: "ana@example.com", password: "12345678" };

  it("accepts a name, email and an 8-character password, trimming the name", () => {
    expect(SignUpSchema.parse({ ...valid, name: "  Ana Lima ", email: "ANA@example.com" })).toEqual(valid);
  });

  it.each([
    ["name", { name: "" }, "Enter your name."],
    ["name", { name: "   " }, "Enter your name."],
    ["name", { name: "n".repeat(101) }, "Use at most 100 characters."],
    ["name", { name: "Ann\nAdmin" }, "Use letters, digits, spaces and punctuation only."],
    ["email", { email: "ana@example" }, EMAIL_MESSAGE],
    ["password", { password: "1234567" }, "Use a password of at least 8 characters."],
    ["password", { password: "p".repeat(129) }, "Use a password of at most 128 characters."],
  ])("rejects a bad %s: %j", (field, patch, message) => {
    expect(errorsOf(SignUpSchema, { ...valid, ...patch })).toEqual({ [field]: message });
  });

  it("accepts the boundary lengths", () => {
    expect(
      SignUpSchema.safeParse({ ...valid, name: "n".repeat(100), password: "p".repeat(128) }).success,
    ).toBe(true);
  });

  it("does not trim the password (spaces are part of it)", () => {
    expect(SignUpSchema.parse({ ...valid, password: " 1234567 " }).password).toBe(" 1234567 ");
  });
});

describe("fieldErrors", () => {
  it("shows the first problem of a field that has several", () => {
    const schema = z.object({ password: z.string().min(8, "Too short.").regex(/\d/, "Include a digit.") });
    const parsed = schema.safeParse({ password: "abc" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.issues).toHaveLength(2);
      expect(fieldErrors(parsed.error)).toEqual({ password: "Too short." });
    }
  });

  it("keeps the first message per field and files path-less issues under form", () => {
    const parsed = SignUpSchema.safeParse({ name: "", email: "x", password: "" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = fieldErrors(parsed.error);
    expect(Object.keys(errors).sort()).toEqual(["email", "name", "password"]);
    expect(errors.password).toBe("Use a password of at least 8 characters.");

    const formLevel = SignInSchema.safeParse(null);
    expect(formLevel.success).toBe(false);
    if (!formLevel.success) expect(Object.keys(fieldErrors(formLevel.error))).toEqual(["form"]);
  });
});
