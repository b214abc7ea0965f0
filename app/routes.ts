import { type RouteConfig, index, prefix, route } from "@react-router/dev/routes";

// The one list of the app's URLs. Paths are Swedish, like the interface.
export default [
  index("routes/home.tsx"),
  route("logga-in", "routes/auth/sign-in.tsx"),
  route("logga-ut", "routes/auth/sign-out.tsx"),
  route("konto/losenord", "routes/auth/change-password.tsx"),

  ...prefix("admin", [
    index("routes/admin/index.tsx"),
    route("anvandare", "routes/admin/users.tsx"),
    route("anvandare/ny", "routes/admin/user-new.tsx"),
    route("anvandare/:userId", "routes/admin/user-edit.tsx"),
    route("kommuner", "routes/admin/kommuner.tsx"),
    route("insatser", "routes/admin/insatser.tsx"),
    route("insatser/:insatsId", "routes/admin/insats-edit.tsx"),
    route("avslutsorsaker", "routes/admin/closure-reasons.tsx"),
    route("remittenter", "routes/admin/referrers.tsx"),
    route("logg", "routes/admin/audit-log.tsx"),
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
