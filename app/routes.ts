import { type RouteConfig, index, prefix, route } from "@react-router/dev/routes";

// The one list of the app's URLs. Paths are Swedish, like the interface.
export default [
  index("routes/home.tsx"),
  route("logga-in", "routes/auth/sign-in.tsx"),
  route("logga-in/kod", "routes/auth/sign-in-code.tsx"),
  route("logga-in/tvastegsverifiering", "routes/auth/sign-in-setup.tsx"),
  route("logga-ut", "routes/auth/sign-out.tsx"),
  route("konto", "routes/account/index.tsx"),
  route("konto/losenord", "routes/auth/change-password.tsx"),
  route("konto/tvastegsverifiering", "routes/account/two-factor.tsx"),
  route("konto/inloggningar", "routes/account/sessions.tsx"),

  ...prefix("admin", [
    index("routes/admin/index.tsx"),
    route("anvandare", "routes/admin/users.tsx"),
    route("anvandare/ny", "routes/admin/user-new.tsx"),
    route("anvandare/:userId", "routes/admin/user-edit.tsx"),
    route("kommuner", "routes/admin/kommuner.tsx"),
    route("insatser", "routes/admin/insatser.tsx"),
    route("insatser/:insatsId", "routes/admin/insats-edit.tsx"),
    route("avslutsorsaker", "routes/admin/closure-reasons.tsx"),
    route("utfallsgrupper", "routes/admin/outcome-groups.tsx"),
    route("mal", "routes/admin/goals.tsx"),
    route("remittenter", "routes/admin/referrers.tsx"),
    route("logg", "routes/admin/audit-log.tsx"),
  ]),

  route("deltagare", "routes/participants/list.tsx"),
  route("deltagare/:participantId", "routes/participants/detail.tsx"),
  route("remisser", "routes/referrals/list.tsx"),
  route("remisser/ny", "routes/referrals/new.tsx"),
  route("remisser/:referralId", "routes/referrals/detail.tsx"),
  route("studiebesok", "routes/study-visits/index.tsx"),

  route("statistik", "routes/statistics/index.tsx"),
  route("statistik/utskrift", "routes/statistics/print.tsx"),
  route("statistik/export", "routes/statistics/export.tsx"),

  route("import", "routes/import/index.tsx"),
  route("import/mall.xlsx", "routes/import/template.tsx"),
  route("import/skicka", "routes/import/submit.tsx"),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
