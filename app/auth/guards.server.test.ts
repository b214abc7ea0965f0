import { describe, expect, it } from "vitest";
import { crossSitePostReason, safeRedirectPath } from "./guards.server";

describe("safeRedirectPath", () => {
  it.each([
    ["/%09/evil.example", "a percent-encoded tab, which a browser drops"],
    ["/\t/evil.example", "a raw tab"],
    ["/\n/x", "a newline (was a 500: an invalid Location header)"],
    ["/%0A/x", "a percent-encoded newline"],
    ["/\r\n/x", "a carriage return"],
    ["/\u0000x", "a NUL"],
    ["/\u0085x", "a C1 control character"],
    ["//evil", "a scheme-relative URL"],
    ["//evil.example/deltagare", "a scheme-relative URL with a path"],
    ["/\\evil", "a backslash after the slash"],
    ["\\evil", "a backslash first"],
    ["\\\\evil", "two backslashes"],
    ["/%5Cevil", "a percent-encoded backslash"],
    ["/%2F%2Fevil", "percent-encoded slashes"],
    ["/%2F/evil", "one percent-encoded slash"],
    ["/.//evil", "a dot segment that normalises to //evil"],
    ["/..//evil", "a double-dot segment that normalises to //evil"],
    ["https://evil", "another site"],
    ["http:/evil", "a scheme without slashes"],
    ["javascript:alert(1)", "a javascript: URL"],
    [" /deltagare", "leading space"],
    ["deltagare", "a relative path"],
    ["/%E0%A4%A", "a broken percent escape"],
    ["", "empty"],
    [`/${"a".repeat(2001)}`, "more than 2000 characters"],
  ])("refuses %j (%s) and goes home instead", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/deltagare", "/deltagare"],
    ["/deltagare?x=1#a", "/deltagare?x=1#a"],
    ["/deltagare/abc?typ=meeting&klart=meeting", "/deltagare/abc?typ=meeting&klart=meeting"],
    ["/statistik?period=jan-aug&ar=2026", "/statistik?period=jan-aug&ar=2026"],
    ["/javascript:alert(1)", "/javascript:alert(1)"],
    ["/deltagare?q=%2F%2Fevil", "/deltagare?q=%2F%2Fevil"],
    // Normalised, so that the Location header is always plain ASCII.
    ["/statistik/€", "/statistik/%E2%82%AC"],
    ["/a/../deltagare", "/deltagare"],
  ])("keeps the path %j as %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(new File(["x"], "/deltagare"))).toBe("/");
  });
});

describe("crossSitePostReason", () => {
  const own = "http://localhost:3000";

  it("lets a post from our own origin, or without an Origin, through", () => {
    expect(crossSitePostReason(own, "same-origin", own)).toBeNull();
    expect(crossSitePostReason(null, null, own)).toBeNull();
    expect(crossSitePostReason(`${own}/`, null, own)).toBeNull();
  });

  it.each([
    ["https://evil.example", null, "Origin https://evil.example, väntad http://localhost:3000"],
    ["https://localhost:3000", null, "Origin https://localhost:3000, väntad http://localhost:3000"],
    ["http://localhost:3001", null, "Origin http://localhost:3001, väntad http://localhost:3000"],
    ["null", null, "Origin null, väntad http://localhost:3000"],
    ["not a url", null, "Origin not a url, väntad http://localhost:3000"],
    [null, "cross-site", "Sec-Fetch-Site cross-site, Origin saknas"],
    [own, "cross-site", "Sec-Fetch-Site cross-site, Origin http://localhost:3000"],
  ])("refuses Origin %j with Sec-Fetch-Site %j, saying %j", (origin, fetchSite, reason) => {
    expect(crossSitePostReason(origin, fetchSite, own)).toBe(reason);
  });

  it("keeps the logged Origin to one short line", () => {
    const reason = crossSitePostReason(`https://evil.example/\n${"x".repeat(500)}`, null, own)!;
    expect(reason).not.toMatch(/\n/);
    expect(reason.length).toBeLessThan(260);
  });
});
