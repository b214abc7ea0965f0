// The default reference lists from the domain brief. `npm run db:setup` adds them to a förbund
// that lacks them; the förbundschef can edit them afterwards.

export const CLOSURE_CATEGORIES = ["positive", "negative"] as const;
export type ClosureCategory = (typeof CLOSURE_CATEGORIES)[number];

/** The categories in the wording of the förbunds' reports, on every page and export. */
export const CLOSURE_CATEGORY_LABELS: Record<ClosureCategory, string> = {
  positive: "Positiv eller potentiellt positiv förändring",
  negative: "Ingen förändring eller negativ förändring",
};

export const DEFAULT_CLOSURE_REASONS: ReadonlyArray<{ label: string; category: ClosureCategory }> = [
  { label: "Arbete", category: "positive" },
  { label: "Reguljärt arbete", category: "positive" },
  { label: "Studier", category: "positive" },
  { label: "Redo att skrivas in på Arbetsförmedlingen", category: "positive" },
  { label: "Hel aktivitetsersättning", category: "positive" },
  { label: "Hel sjukersättning", category: "positive" },
  { label: "Övergång till gruppverksamhet", category: "positive" },
  { label: "Avslut mot pension", category: "positive" },
  { label: "Flytt", category: "positive" },
  { label: "Åter till remittent i väntan på beslut om sjukersättning", category: "positive" },
  { label: "Åter till remittent, samordningsinsatser uttömda", category: "negative" },
  { label: "Åter till remittent vid personalomställning i insatsen", category: "negative" },
  { label: "Egen begäran, önskar inte stöd", category: "negative" },
  { label: "Kraftigt försämrad hälsa, kan ej delta i insatsen", category: "negative" },
  { label: "Missbruk återfall", category: "negative" },
  { label: "Klarar inte insatsen utifrån mående", category: "negative" },
];

/**
 * Named groups of closure reasons the report counts besides the two categories (issue 13, point
 * 5). A reason may be in several groups; the förbundschef edits them under Administration.
 */
export const DEFAULT_OUTCOME_GROUPS: ReadonlyArray<{ name: string; reasons: readonly string[] }> = [
  { name: "Arbete eller studier", reasons: ["Arbete", "Reguljärt arbete", "Studier"] },
  { name: "Rätt försörjning", reasons: ["Hel aktivitetsersättning", "Hel sjukersättning", "Avslut mot pension"] },
  {
    name: "Åter till remittent",
    reasons: DEFAULT_CLOSURE_REASONS.map((reason) => reason.label).filter((label) => label.startsWith("Åter till remittent")),
  },
];

export const DEFAULT_AGE_GROUPS: ReadonlyArray<{ label: string; minAge: number; maxAge: number }> = [
  { label: "16-19", minAge: 16, maxAge: 19 },
  { label: "20-29", minAge: 20, maxAge: 29 },
  { label: "30-39", minAge: 30, maxAge: 39 },
  { label: "40-49", minAge: 40, maxAge: 49 },
  { label: "50-59", minAge: 50, maxAge: 59 },
  { label: "60-64", minAge: 60, maxAge: 64 },
];

export const DEFAULT_TRAPPAN_LABELS: readonly string[] = [
  "Isolerad – ingen struktur i vardagen, svårt att ta emot stöd",
  "Kontakt etablerad – träffar koordinator, enstaka aktiviteter",
  "Regelbunden aktivitet – deltar i insatsens individuella samtal och gruppaktiviteter",
  "Förberedande steg utanför insatsen – t.ex. arbetsträning, praktik, studiebesök på arbetsplats",
  "Nära arbete eller studier – redo att skrivas in på AF, studier eller arbete på del av tid",
  "Arbete, studier eller rätt försörjning – målet för insatsen är nått",
];

export const TRAPPAN_STEPS = [1, 2, 3, 4, 5, 6] as const;

export const DEFAULT_SKAPA_AREAS: readonly string[] = [
  "Tro på att få arbete",
  "Jobbsökning",
  "Hälsa",
  "Vardagen",
  "Samarbete",
  "Kunskap om arbetsmarknaden",
  "Beslutsamhet",
];

export const DEFAULT_SKAPA_SCALE = { min: 1, max: 10 } as const;

export const DEFAULT_ACTIVITY_TYPES: ReadonlyArray<{ label: string; key?: string }> = [
  { label: "Individuellt samtal" },
  { label: "Gruppaktivitet" },
  { label: "Trepartsmöte/SIP" },
  { label: "Myndighetskontakt" },
  { label: "Uppföljning med remittent", key: "referrer-follow-up" },
  { label: "Studiebesök" },
  { label: "Övrigt" },
];

// The flag is the default "höjd aktivitetsnivå" for new records of the type.
export const DEFAULT_SUPPORT_TYPES: ReadonlyArray<{ label: string; raisesActivityLevel: boolean }> = [
  { label: "Kommunal arbetsträning", raisesActivityLevel: true },
  { label: "Kommunal praktik", raisesActivityLevel: true },
  { label: "Inskrivning vuxenutbildning (t.ex. SFI)", raisesActivityLevel: true },
  { label: "Avslutad kurs vuxenutbildning", raisesActivityLevel: false },
  { label: "Sysselsättningsplats", raisesActivityLevel: true },
  { label: "Språkcafé eller dylikt", raisesActivityLevel: false },
  { label: "Arbetsträning Arbetsförmedlingen", raisesActivityLevel: true },
  { label: "Praktik Arbetsförmedlingen", raisesActivityLevel: true },
  { label: "Inskrivning arbetsmarknadsutbildning", raisesActivityLevel: true },
  { label: "Lönebidragsanställning", raisesActivityLevel: true },
  { label: "Nystartsjobb", raisesActivityLevel: true },
  { label: "Steg till arbete", raisesActivityLevel: true },
  { label: "Rusta och matcha", raisesActivityLevel: true },
  { label: "Reguljär anställning", raisesActivityLevel: true },
  { label: "Reguljära studier", raisesActivityLevel: true },
  { label: "Färdtjänst", raisesActivityLevel: false },
  { label: "Körkort", raisesActivityLevel: false },
  { label: "Förmåga att resa kollektivt", raisesActivityLevel: false },
  { label: "Studiebesök", raisesActivityLevel: false },
  { label: "Skriva cv och söka jobb", raisesActivityLevel: false },
  { label: "Gruppverksamhet", raisesActivityLevel: false },
  { label: "Språkinsats", raisesActivityLevel: false },
  { label: "Aktivitet civilsamhälle", raisesActivityLevel: false },
  { label: "Annan aktivitet", raisesActivityLevel: false },
];

export const DEFAULT_INCOME_SOURCES: readonly string[] = [
  "Sjukpenning",
  "Aktivitetsersättning",
  "Sjukersättning",
  "Försörjningsstöd",
  "Aktivitetsstöd",
  "Studiemedel",
  "Lön",
  "Ingen ersättning",
  "Annan",
];

export const DEFAULT_REFERRERS: readonly string[] = [
  "Försäkringskassan",
  "Arbetsförmedlingen",
  "Regionen",
  "Socialtjänst",
  "Arbetsmarknadsenhet",
  "Annan insats",
  "Egen begäran",
];

export const GENDERS = ["kvinna", "man", "annat"] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = {
  kvinna: "Kvinna",
  man: "Man",
  annat: "Annat/ej angivet",
};

export const REFERRAL_DECISIONS = ["inskriven", "konsultation", "ej_aktuell", "ko"] as const;
export type ReferralDecision = (typeof REFERRAL_DECISIONS)[number];
export const REFERRAL_DECISION_LABELS: Record<ReferralDecision, string> = {
  inskriven: "Inskriven",
  konsultation: "Konsultation",
  ej_aktuell: "Ej aktuell",
  ko: "Kö",
};

export const FOV_OUTCOMES = ["ja", "nej", "avbojt", "ej_tillfragad"] as const;
export type FovOutcome = (typeof FOV_OUTCOMES)[number];
export const FOV_OUTCOME_LABELS: Record<FovOutcome, string> = {
  ja: "Ja",
  nej: "Nej",
  avbojt: "Avböjt",
  ej_tillfragad: "Ej tillfrågad",
};
