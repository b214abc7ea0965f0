import { writeFileSync } from "node:fs";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

// The print view as the förbund saves it: Chromium's "Spara som PDF" on A4, for the demo
// förbund's whole year with every section.
const FULL_YEAR = "/statistik/utskrift?period=helar&ar=2025";

/** The pages of a PDF as Chromium writes it: one page object per page. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

test("the whole year prints on at most 8 A4 pages, tables kept whole and header rows repeated", async ({ page }) => {
  await signIn(page, DEMO_USERS.forbundschef);
  await page.goto(FULL_YEAR);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Statistik 2025 – /);
  const header = page.locator(".stat-print__header");
  await expect(header).toContainText("Insats: alla insatser. Kommun: alla kommuner.");
  await expect(header).toContainText(/Uttaget \d{1,2} \p{L}+ \d{4}\./u);
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  // A section that fits on a page moves to the next one whole; a longer table repeats its header.
  const section = page.locator(".stat-section").first();
  expect(await section.evaluate((element) => getComputedStyle(element).breakInside)).toBe("avoid");
  const thead = page.locator(".stat-section thead").first();
  expect(await thead.evaluate((element) => getComputedStyle(element).display)).toBe("table-header-group");
  // No page break forced between sections when the template does not ask for one.
  expect(
    await page
      .locator(".stat-section")
      .nth(1)
      .evaluate((element) => getComputedStyle(element).breakBefore),
  ).toBe("auto");

  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  if (process.env.PRINT_PDF_OUT) writeFileSync(process.env.PRINT_PDF_OUT, pdf);
  const pages = pdfPageCount(pdf);
  console.log(`print view, full year 2025: ${pages} A4 pages`);
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(8);
});
