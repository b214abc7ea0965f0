// Converts a Word document to PDF with LibreOffice, for tests that check how it lays out on A4.
// scripts/test.mjs installs LibreOffice (and Carlito, the font that is as wide as Calibri, so the
// pages break as in Word) on a machine that lacks it.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const SOFFICE = process.env.SOFFICE_PATH ?? "soffice";

export function hasLibreOffice(): boolean {
  return spawnSync(SOFFICE, ["--version"], { stdio: "ignore" }).status === 0;
}

/** The PDF LibreOffice makes of `docx`, converted in a folder (and profile) of its own. */
export function docxToPdf(docx: Buffer): Buffer {
  const folder = mkdtempSync(path.join(tmpdir(), "stegvis-pdf-"));
  try {
    const input = path.join(folder, "rapport.docx");
    writeFileSync(input, docx);
    // A profile of its own: two conversions at once (parallel test files) would otherwise share one and fail.
    const profile = `-env:UserInstallation=file://${path.join(folder, "profil")}`;
    execFileSync(SOFFICE, [profile, "--headless", "--convert-to", "pdf", "--outdir", folder, input], { stdio: "pipe", timeout: 120_000 });
    return readFileSync(path.join(folder, "rapport.pdf"));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The number of pages of a PDF: its page objects (LibreOffice writes them uncompressed). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
