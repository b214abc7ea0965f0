import { z } from "zod";
import { ROLES } from "~/auth/permissions";

// The forms of two-factor sign-in and of the sessions page.

/** A six-digit authenticator code, or a recovery code; what it is decides the server. */
export const CodeSchema = z.object({
  code: z.string({ error: "Skriv koden." }).trim().min(1, "Skriv koden.").max(40, "Koden är för lång. Skriv de sex siffrorna från appen eller en reservkod."),
});

/** The first code of a new authenticator: only the six digits make sense here. */
export const FirstCodeSchema = z.object({
  code: z
    .string({ error: "Skriv koden från appen." })
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(
      z
        .string()
        .min(1, "Skriv koden från appen.")
        .regex(/^\d{6}$/, "Koden har sex siffror."),
    ),
});

/** The roles the förbundschef ticks as required to use two-factor sign-in. */
export const TwoFactorRolesSchema = z.object({
  roles: z.array(z.enum(ROLES, { error: "En roll är okänd. Ladda om sidan och försök igen." })).default([]),
});

export function twoFactorRolesInput(formData: FormData): Record<string, unknown> {
  return { roles: formData.getAll("role") };
}

/** One session of the user's own, named by its handle (never its id). */
export const SessionHandleSchema = z.object({
  id: z.string({ error: "Inloggningen finns inte." }).regex(/^[\w-]{1,40}$/, "Inloggningen finns inte."),
});

export const NoFieldsSchema = z.object({});
