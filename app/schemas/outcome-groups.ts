import { z } from "zod";
import { id, requiredText } from "./form";

// The forms of the outcome groups page: create, update (name and reasons) and delete. The
// reasons are a checkbox group, posted as repeated "reasonId" fields.

const groupFields = {
  name: requiredText("Namnet", 100),
  reasonIds: z.array(id("Avslutsskälet"), { error: "Välj avslutsskälen igen." }).max(200, "Välj högst 200 avslutsskäl.").default([]),
};

export const OutcomeGroupSchemas = {
  create: z.object(groupFields),
  update: z.object({ id: id("Gruppen"), ...groupFields }),
  delete: z.object({ id: id("Gruppen") }),
};

/** The form as zod reads it: the checkbox group as an array (Object.fromEntries keeps one). */
export function outcomeGroupInput(formData: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(formData), reasonIds: formData.getAll("reasonId") };
}
