import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("HOST", () => {
  it("is unset by default, so the server listens on every interface", () => {
    expect(parseEnv({}).HOST).toBeUndefined();
    expect(parseEnv({ HOST: "" }).HOST).toBeUndefined();
  });

  it("takes an IPv4 or IPv6 address or a host name", () => {
    expect(["127.0.0.1", "0.0.0.0", "::1", "::", "localhost", "stegvis.internal"].map((HOST) => parseEnv({ HOST }).HOST)).toEqual([
      "127.0.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "localhost",
      "stegvis.internal",
    ]);
  });

  it("refuses anything else at start-up with a Swedish message", () => {
    for (const HOST of ["http://localhost", "127.0.0.1:3000", "[::1]", "två ord"]) {
      expect(() => parseEnv({ HOST })).toThrow(
        "Felaktig miljökonfiguration:\n  HOST: HOST måste vara en IP-adress eller ett värdnamn, t.ex. 127.0.0.1 eller ::1",
      );
    }
  });
});
