import { z } from "zod";
import { email, newPassword } from "./form";

export const SignInSchema = z.object({
  email,
  password: z.string({ error: "Lösenord måste fyllas i." }).min(1, "Lösenord måste fyllas i."),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Nuvarande lösenord måste fyllas i." }).min(1, "Nuvarande lösenord måste fyllas i."),
    newPassword,
    confirmPassword: z.string({ error: "Upprepa det nya lösenordet." }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "Lösenorden är inte likadana.",
  });
