import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** The address the web server listens on (scripts/server.mjs); unset or empty: every interface. */
const listenHost = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z
    .string()
    .refine((value) => isIP(value) !== 0 || HOSTNAME.test(value), "HOST måste vara en IP-adress eller ett värdnamn, t.ex. 127.0.0.1 eller ::1")
    .optional(),
);

const EnvSchema = z.object({
  HOST: listenHost,
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().startsWith("file:", "DATABASE_URL måste börja med file: (SQLite)").optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET måste vara minst 32 tecken").optional(),
  SESSION_SECRET_FILE: z.string().default("data/session-secret"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  STEGVIS_DEMO: z.enum(["0", "1"]).default("1"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The configuration in `source`, or an error naming every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Felaktig miljökonfiguration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Parses the environment once; the app refuses to start with a clear message when it is wrong. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The iron-session password. Taken from SESSION_SECRET, or from a local file that is generated
 * on first start (git-ignored, never committed).
 */
export function sessionSecret(): string {
  const { SESSION_SECRET, SESSION_SECRET_FILE } = env();
  if (SESSION_SECRET) return SESSION_SECRET;
  const file = path.resolve(SESSION_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
