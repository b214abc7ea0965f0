// What our Express server (server.mjs) passes to every loader and action.
declare module "react-router" {
  interface AppLoadContext {
    /** The client's address as the socket saw it; used to slow down password guessing. */
    clientAddress?: string;
    /** This response's Content-Security-Policy nonce, for React Router's inline scripts (production). */
    cspNonce?: string;
  }
}

export function clientAddress(context: { clientAddress?: string } | undefined): string {
  return context?.clientAddress ?? "unknown";
}
