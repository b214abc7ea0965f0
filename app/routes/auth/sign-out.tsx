import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";
import { requireSameOrigin } from "~/auth/guards.server";
import { clearSessionCookie, endSession, findSession } from "~/auth/session.server";
import { audit } from "~/data/audit.server";

export async function action({ request }: Route.ActionArgs) {
  requireSameOrigin(request);
  const session = await findSession(request);
  if (session) {
    await audit({ organisationId: session.user.organisationId, userId: session.userId, action: "sign-out", entity: "user", entityId: session.userId });
  }
  await endSession(request);
  return redirect("/logga-in", { headers: { "Set-Cookie": clearSessionCookie() } });
}

// Signing out is a post (a link could be triggered by another site); a GET just goes home.
export function loader() {
  return redirect("/");
}
