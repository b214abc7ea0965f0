// The import's rules, as one pure function: raw tables + the förbund's reference lists + what
// Stegvis already holds → the rows to insert (a plan), or every problem with sheet, row and
// column. No database and no clock here; app/data/import-load.server.ts reads what this
// compares with and app/data/import-write.server.ts writes the plan, so the rules are tested
// without either.
import type { RawTable } from "../types";
import { createContext, finish } from "./context";
import { validateDeltagare } from "./deltagare";
import { validateActivities, validateFov, validateIncomeChanges, validateSkapaOffers, validateSupport, validateTrappan } from "./events";
import { validateReferrals, validateStudyVisits } from "./intake";
import { checkOverlaps, loadExistingPeriods } from "./periods";
import { resolveMissingReferences } from "./references";
import { validateSkapa } from "./skapa";
import type { ExistingData, ReferenceLists, ValidateOptions, ValidationResult } from "./types";

export { emptyCounts } from "./context";
export { eventKeys, NO_EXISTING_EVENTS } from "./keys";
export type { EnrolmentRow, ExistingData, ExistingEvents, ImportPlan, InsatsItem, NamedItem, ReferenceLists, ValidateOptions, ValidationResult } from "./types";

export function validateImport(tables: readonly RawTable[], reference: ReferenceLists, existing: ExistingData, options: ValidateOptions): ValidationResult {
  const ctx = createContext(tables, reference, existing, options);
  resolveMissingReferences(ctx);
  loadExistingPeriods(ctx);
  validateDeltagare(ctx);
  checkOverlaps(ctx);
  validateTrappan(ctx);
  validateSkapa(ctx);
  validateSkapaOffers(ctx);
  validateFov(ctx);
  validateSupport(ctx);
  validateActivities(ctx);
  validateIncomeChanges(ctx);
  validateReferrals(ctx);
  validateStudyVisits(ctx);
  return finish(ctx);
}
