import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { CONNECTION_PRAGMAS, sqliteFilePath } from "./sqlite.server";

export const DEFAULT_DATABASE_URL = "file:./data/stegvis.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The SQLite adapter with our per-connection pragmas (foreign keys are off by default in SQLite). */
function sqliteAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: 5000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: sqliteAdapter(url) });
}

// One client per process. Kept on globalThis in development only, so that Vite's module
// reloading does not open a new connection at every edit.
const globalForPrisma = globalThis as unknown as { stegvisPrisma?: PrismaClient };
export const prisma: PrismaClient =
  process.env.NODE_ENV === "development"
    ? (globalForPrisma.stegvisPrisma ??= createPrismaClient())
    : createPrismaClient();

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** A unique index refused the write: two people saving the same thing at once. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Closes the process's connection (command-line tools, before they exit). */
export async function disconnectDatabase(): Promise<void> {
  await prisma.$disconnect();
}
