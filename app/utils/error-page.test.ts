import { describe, expect, it } from "vitest";
import { errorPageText } from "./error-page";

describe("errorPageText", () => {
  it("keeps the server's message and tells a signed-in user whom to ask on 403", () => {
    const page = errorPageText(403, "Deltagaren hör inte till dina insatser och kommuner.", true);
    expect(page.title).toBe("Åtkomst nekad");
    expect(page.message).toBe("Deltagaren hör inte till dina insatser och kommuner.");
    expect(page.advice).toContain("förbundschefen");
    expect(page.links).toEqual([{ to: "/", label: "Till startsidan" }]);
  });
  it("sends a signed-out person to the sign-in page", () => {
    expect(errorPageText(403, null, false).links).toEqual([{ to: "/logga-in", label: "Logga in" }]);
  });
  it("explains a 404 and why a participant may be gone", () => {
    const page = errorPageText(404, null, true);
    expect(page.title).toBe("Sidan finns inte");
    expect(page.advice).toContain("återkallat sitt samtycke");
  });
  it("never shows internals for an unexpected error, and says what to do", () => {
    for (const page of [errorPageText(null, "TypeError: x is undefined", true), errorPageText(500, "SQLITE_BUSY", true)]) {
      expect(page.title).toBe("Något gick fel");
      expect(page.message).not.toMatch(/TypeError|SQLITE/);
      expect(page.advice).toContain("Ladda om sidan");
    }
  });
  it("has a Swedish page for every status the app answers with", () => {
    for (const status of [400, 403, 404, 409, 413, 429, 500, 503]) {
      const page = errorPageText(status, null, true);
      expect(page.title.length).toBeGreaterThan(0);
      expect(page.advice.length).toBeGreaterThan(0);
    }
    expect(errorPageText(503, null, true).title).toBe("Något gick fel (503)");
  });
  it("answers a body that is not a form (415) like any unreadable request, with the server's message", () => {
    const page = errorPageText(415, "Formuläret kunde inte läsas. Ladda om sidan och försök igen.", true);
    expect(page.title).toBe("Förfrågan kunde inte tas emot");
    expect(page.message).toBe("Formuläret kunde inte läsas. Ladda om sidan och försök igen.");
    expect(page.advice).toBe("Gå tillbaka, ladda om sidan och försök igen.");
  });
});
