// Types of request-guards.mjs, for the tests that build the guarded app without the server build.
import type { Server } from "node:http";
import type { RequestGuards } from "../app/utils/request-guards.server";

export const HSTS: string;
export function contentSecurityPolicy(nonce: string): string;

interface GuardedRequest {
  method: string;
  path: string;
  on(event: "data", listener: (chunk: Buffer) => void): void;
  on(event: "end", listener: () => void): void;
}
interface GuardedResponse {
  locals: Record<string, unknown>;
  send(body: string): void;
}
export interface GuardedApp {
  all(path: string, handler: (req: GuardedRequest, res: GuardedResponse) => void): void;
  listen(port: number, callback?: () => void): Server;
}

export function createGuardedApp(options: { root?: string; trustProxy?: boolean; guards: RequestGuards }): GuardedApp;
