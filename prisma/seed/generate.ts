// Fictional demo data for one förbund, as plain records that reference reference data by label.
// Pure and deterministic: the same options give the same records, so tests and the benchmark
// can rely on exact numbers. No Prisma and no clock here; the writer (app/data/seed.server.ts)
// resolves labels to ids and inserts the rows.
import {
  DEFAULT_ACTIVITY_TYPES,
  DEFAULT_AGE_GROUPS,
  DEFAULT_CLOSURE_REASONS,
  DEFAULT_INCOME_SOURCES,
  DEFAULT_REFERRERS,
  DEFAULT_SKAPA_AREAS,
  DEFAULT_SKAPA_SCALE,
  DEFAULT_SUPPORT_TYPES,
  type FovOutcome,
  type Gender,
  type ReferralDecision,
} from "../../app/domain/reference-defaults";
import { dateOfDayNumber, dayNumber } from "../../app/domain/period";

export interface DemoDataOptions {
  participants: number;
  seed: number;
  /** "YYYY-MM-DD"; nothing is dated after it. */
  today: string;
  kommuner: readonly string[];
  insatser: readonly string[];
}

export interface DemoParticipant {
  id: string;
  code: string;
  name: string;
}

export interface DemoConsent {
  id: string;
  participantId: string;
  givenDate: string;
  coversSharing: boolean;
  coversStatistics: boolean;
}

export interface DemoReferral {
  id: string;
  date: string;
  referrer: string;
  kommun: string;
  insats: string;
  decision: ReferralDecision | null;
  participantId: string | null;
}

export interface DemoStudyVisit {
  id: string;
  date: string;
  kommun: string;
  insats: string;
  participantId: string | null;
}

export interface DemoEnrolment {
  id: string;
  participantId: string;
  insats: string;
  kommun: string;
  referrer: string;
  gender: Gender;
  ageGroup: string;
  incomeStart: string;
  enrolledDate: string;
  closedDate: string | null;
  closureReason: string | null;
  incomeEnd: string | null;
  planAfterClosure: boolean | null;
  surveySupport: boolean | null;
  surveyInfluence: boolean | null;
  surveyReadiness: boolean | null;
}

export interface DemoPlacement {
  id: string;
  enrolmentId: string;
  date: string;
  step: number;
  motivation: string;
}

export interface DemoSkapaOffer {
  id: string;
  enrolmentId: string;
  date: string;
}

export interface DemoSkapaScore {
  area: string;
  participantScore: number | null;
  coordinatorScore: number | null;
}

export interface DemoAssessment {
  id: string;
  enrolmentId: string;
  date: string;
  scores: DemoSkapaScore[];
}

export interface DemoActivity {
  id: string;
  enrolmentId: string;
  date: string;
  type: string;
  minutes: number | null;
}

export interface DemoSupport {
  id: string;
  enrolmentId: string;
  date: string;
  type: string;
  raisesActivityLevel: boolean;
}

export interface DemoIncomeChange {
  id: string;
  enrolmentId: string;
  date: string;
  incomeSource: string;
}

export interface DemoFovScreening {
  id: string;
  enrolmentId: string;
  date: string;
  outcome: FovOutcome;
  notAskedReason: string | null;
  supportOffered: boolean;
}

export interface DemoData {
  participants: DemoParticipant[];
  consents: DemoConsent[];
  referrals: DemoReferral[];
  studyVisits: DemoStudyVisit[];
  enrolments: DemoEnrolment[];
  placements: DemoPlacement[];
  skapaOffers: DemoSkapaOffer[];
  assessments: DemoAssessment[];
  activities: DemoActivity[];
  support: DemoSupport[];
  incomeChanges: DemoIncomeChange[];
  fovScreenings: DemoFovScreening[];
}

/** Events recorded during enrolments: one per placement, offer, assessment, activity, ... */
export function countEvents(data: DemoData): number {
  return (
    data.placements.length +
    data.skapaOffers.length +
    data.assessments.length +
    data.activities.length +
    data.support.length +
    data.incomeChanges.length +
    data.fovScreenings.length
  );
}

// ---------------------------------------------------------------------------------------------
// Randomness and dates

/** mulberry32: tiny, fast and good enough for fictional data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number) => rng() < p;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Picks by relative weight; the table is built once so that picking stays cheap. */
function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const limits: number[] = [];
  let running = 0;
  for (const [, weight] of entries) limits.push((running += weight / total));
  return (rng) => {
    const r = rng();
    for (let i = 0; i < limits.length; i++) if (r < limits[i]) return entries[i][0];
    return entries[entries.length - 1][0];
  };
}

function dayFormatter(): (day: number) => string {
  // Many events share a day; formatting each day once keeps 150,000 events fast.
  const cache = new Map<number, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      text = dateOfDayNumber(day);
      cache.set(day, text);
    }
    return text;
  };
}

// ---------------------------------------------------------------------------------------------
// Fictional content

const FIRST_NAMES: Record<Gender, readonly string[]> = {
  kvinna: ["Anna", "Maria", "Sara", "Emma", "Linnea", "Karin", "Elin", "Johanna", "Fatima", "Amira", "Ida", "Sofia", "Hanna", "Malin", "Lena", "Aisha"],
  man: ["Erik", "Johan", "Ali", "Mikael", "Anders", "Jonas", "Omar", "Daniel", "Oskar", "Ahmed", "Peter", "Lars", "Viktor", "Hassan", "Niklas", "Emil"],
  annat: ["Kim", "Alex", "Robin", "Sam", "Charlie", "Mika"],
};
// Every surname starts with "Demo" so that nobody mistakes a demo person for a real one.
const SURNAMES = ["Demosson", "Demoberg", "Demoström", "Demolund", "Demoqvist", "Demogren", "Demodahl", "Demoholm", "Demosjö", "Demovik"];

const pickGender = weighted<Gender>([
  ["kvinna", 55],
  ["man", 40],
  ["annat", 5],
]);
const pickAgeGroup = weighted<string>(DEFAULT_AGE_GROUPS.map((g, i) => [g.label, [8, 30, 22, 18, 15, 7][i] ?? 10] as const));
const pickReferrer = weighted<string>(DEFAULT_REFERRERS.map((name, i) => [name, [30, 22, 14, 16, 8, 4, 6][i] ?? 5] as const));
const pickIncomeStart = weighted<string>(DEFAULT_INCOME_SOURCES.map((label, i) => [label, [24, 12, 8, 22, 14, 3, 2, 10, 5][i] ?? 3] as const));
const pickStartStep = weighted<number>([
  [1, 30],
  [2, 45],
  [3, 25],
]);
const pickReferralDecision = weighted<ReferralDecision>([
  ["konsultation", 40],
  ["ej_aktuell", 35],
  ["ko", 25],
]);

const CLOSURE_WEIGHTS: Record<string, number> = {
  Arbete: 14,
  "Reguljärt arbete": 8,
  Studier: 12,
  "Redo att skrivas in på Arbetsförmedlingen": 18,
  "Hel aktivitetsersättning": 5,
  "Hel sjukersättning": 8,
  "Övergång till gruppverksamhet": 6,
  "Avslut mot pension": 2,
  Flytt: 4,
  "Åter till remittent i väntan på beslut om sjukersättning": 6,
  "Åter till remittent, samordningsinsatser uttömda": 10,
  "Åter till remittent vid personalomställning i insatsen": 2,
  "Egen begäran, önskar inte stöd": 8,
  "Kraftigt försämrad hälsa, kan ej delta i insatsen": 6,
  "Missbruk återfall": 3,
  "Klarar inte insatsen utifrån mående": 7,
};
const closureTable = (category: "positive" | "negative") =>
  weighted<string>(DEFAULT_CLOSURE_REASONS.filter((r) => r.category === category).map((r) => [r.label, CLOSURE_WEIGHTS[r.label] ?? 3] as const));
const pickPositiveReason = closureTable("positive");
const pickNegativeReason = closureTable("negative");

// Income at closure follows from the reason where the reason says it; otherwise it is unchanged.
const INCOME_AFTER_REASON: Record<string, string> = {
  Arbete: "Lön",
  "Reguljärt arbete": "Lön",
  Studier: "Studiemedel",
  "Hel aktivitetsersättning": "Aktivitetsersättning",
  "Hel sjukersättning": "Sjukersättning",
  "Avslut mot pension": "Annan",
};

const pickActivityType = weighted<string>(
  DEFAULT_ACTIVITY_TYPES.filter((t) => t.key !== "referrer-follow-up").map((t, i) => [t.label, [60, 18, 6, 8, 3, 5][i] ?? 3] as const),
);
const FOLLOW_UP_TYPE = DEFAULT_ACTIVITY_TYPES.find((t) => t.key === "referrer-follow-up")?.label ?? "Uppföljning med remittent";
const ACTIVITY_MINUTES: Record<string, readonly number[]> = {
  "Individuellt samtal": [30, 45, 60, 60, 90],
  Gruppaktivitet: [90, 120, 120, 180],
  "Trepartsmöte/SIP": [60, 90],
  Myndighetskontakt: [15, 30, 45],
  Studiebesök: [60, 120, 180],
  Övrigt: [30, 60],
};

const pickSupportType = weighted<{ label: string; raisesActivityLevel: boolean }>(
  DEFAULT_SUPPORT_TYPES.map((t) => [t, t.raisesActivityLevel ? 3 : 2] as const),
);

const pickFovOutcome = weighted<FovOutcome>([
  ["ja", 35],
  ["nej", 51],
  ["avbojt", 7],
  ["ej_tillfragad", 7],
]);
const FOV_NOT_ASKED_REASONS = [
  "Tolk saknades vid mötet",
  "Anhörig närvarande vid samtalet",
  "Deltagaren i akut kris, frågas vid nästa möte",
  "Mötet hölls digitalt utan enskildhet",
];

const MOTIVATIONS_AT_START: Record<number, readonly string[]> = {
  1: ["Vid inskrivning: isolerad i hemmet, ingen struktur i vardagen", "Vid inskrivning: svårt att ta emot stöd, få kontakter"],
  2: ["Vid inskrivning: har börjat träffa koordinator", "Vid inskrivning: kontakt etablerad, enstaka aktiviteter"],
  3: ["Vid inskrivning: deltar regelbundet i samtal", "Vid inskrivning: kommer till gruppaktiviteter varje vecka"],
};
const MOTIVATIONS_UP: Record<number, readonly string[]> = {
  2: ["Kommer till bokade samtal", "Har börjat svara i telefon och komma på möten"],
  3: ["Deltar i gruppaktivitet varje vecka", "Fasta tider i vardagen, deltar regelbundet"],
  4: ["Har börjat arbetsträna två dagar i veckan", "Praktik på en arbetsplats i kommunen", "Studiebesök på arbetsplats, planerar praktik"],
  5: ["Inskriven på Arbetsförmedlingen och söker arbete", "Läser på komvux på deltid", "Arbetar på del av tid"],
  6: ["Har fått anställning", "Studerar på heltid", "Beviljad rätt ersättning, målet är nått"],
};
const MOTIVATIONS_SAME = ["Oförändrat läge sedan förra uppföljningen", "Stabilt, fortsätter enligt planen", "Ingen förändring, ny plan upprättad"];
const MOTIVATIONS_DOWN = ["Försämrad hälsa, har fått pausa aktiviteterna", "Avbrott i arbetsträningen", "Svår livssituation, orkar mindre just nu"];

// ---------------------------------------------------------------------------------------------
// The generator

/** How far back enrolments reach (~22 months), so that last year and this year both have data. */
const ENROLMENT_WINDOW_DAYS = 660;
/** An enrolment's recorded history is at most about a year. */
const HISTORY_DAYS = 365;

export function generateDemoData(options: DemoDataOptions): DemoData {
  const { kommuner, insatser } = options;
  if (kommuner.length === 0 || insatser.length === 0) throw new Error("generateDemoData needs at least one kommun and one insats");
  const rng = mulberry32(options.seed);
  const fmt = dayFormatter();
  const today = dayNumber(options.today);
  const windowStart = today - ENROLMENT_WINDOW_DAYS;

  // The first kommun and insats get the most participants, like a main town and a main programme.
  const pickKommun = weighted<string>(kommuner.map((name, i) => [name, 1 / (i + 1) ** 0.6] as const));
  const pickInsats = weighted<string>(insatser.map((name, i) => [name, i === 0 ? 3 : 1] as const));

  const data: DemoData = {
    participants: [],
    consents: [],
    referrals: [],
    studyVisits: [],
    enrolments: [],
    placements: [],
    skapaOffers: [],
    assessments: [],
    activities: [],
    support: [],
    incomeChanges: [],
    fovScreenings: [],
  };
  const counters = new Map<string, number>();
  const nextId = (prefix: string) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `demo-${prefix}-${String(n).padStart(6, "0")}`;
  };

  const history = (enrolment: DemoEnrolment, start: number, end: number, endsWithClosure: boolean) =>
    generateHistory(data, rng, fmt, nextId, enrolment, start, end, endsWithClosure);

  for (let n = 1; n <= options.participants; n++) {
    const participantId = nextId("p");
    const gender = pickGender(rng);
    data.participants.push({
      id: participantId,
      code: `DEMO-${String(n).padStart(4, "0")}`,
      name: `${pick(rng, FIRST_NAMES[gender])} ${pick(rng, SURNAMES)}`,
    });
    const kommun = pickKommun(rng);
    let insats = pickInsats(rng);
    const ageGroup = pickAgeGroup(rng);

    // A re-enrolled participant needs room for a closed first period, a gap and a second period.
    const reEnrolled = chance(rng, 0.1);
    const spans: Array<{ start: number; end: number | null }> = [];
    if (reEnrolled) {
      const first = between(rng, windowStart, today - 420);
      const firstEnd = first + between(rng, 60, 200);
      spans.push({ start: first, end: firstEnd });
      const second = firstEnd + between(rng, 20, 120);
      spans.push({ start: second, end: plannedClosure(rng, second, today) });
    } else {
      const start = between(rng, windowStart, today - 3);
      spans.push({ start, end: plannedClosure(rng, start, today) });
    }

    let firstRecordDay = Number.POSITIVE_INFINITY;
    for (const [index, span] of spans.entries()) {
      if (index > 0 && chance(rng, 0.2)) insats = pickInsats(rng);
      const referrer = pickReferrer(rng);
      const referralDay = span.start - between(rng, 7, 35);
      data.referrals.push({
        id: nextId("ref"),
        date: fmt(referralDay),
        referrer,
        kommun,
        insats,
        decision: "inskriven",
        participantId,
      });
      firstRecordDay = Math.min(firstRecordDay, referralDay);
      if (index === 0 && chance(rng, 0.45)) {
        const visitDay = referralDay - between(rng, 3, 30);
        data.studyVisits.push({ id: nextId("sv"), date: fmt(visitDay), kommun, insats, participantId });
        firstRecordDay = visitDay;
      }

      const closed = span.end !== null;
      const enrolment: DemoEnrolment = {
        id: nextId("enr"),
        participantId,
        insats,
        kommun,
        referrer,
        gender,
        ageGroup,
        incomeStart: pickIncomeStart(rng),
        enrolledDate: fmt(span.start),
        closedDate: closed ? fmt(span.end!) : null,
        closureReason: null,
        incomeEnd: null,
        planAfterClosure: null,
        surveySupport: null,
        surveyInfluence: null,
        surveyReadiness: null,
      };
      data.enrolments.push(enrolment);
      const end = Math.min(span.end ?? today, span.start + HISTORY_DAYS + between(rng, 0, 30));
      // The closing placement belongs on the closure day, so only when history reaches it.
      const outcome = history(enrolment, span.start, end, closed && end === span.end);
      if (closed) closeEnrolment(rng, enrolment, outcome, index < spans.length - 1);
    }
    data.consents.push({
      id: nextId("con"),
      participantId,
      givenDate: fmt(firstRecordDay),
      coversSharing: true,
      coversStatistics: true,
    });
  }

  addUnlinkedIntake(data, rng, fmt, nextId, options.participants, windowStart, today, pickKommun, pickInsats);
  return data;
}

/** Planned closure day, or null while the enrolment is still open today (about 40 % close). */
function plannedClosure(rng: Rng, start: number, today: number): number | null {
  const end = start + between(rng, 60, 400);
  return end < today && chance(rng, 0.5) ? end : null;
}

interface HistoryOutcome {
  lastStep: number;
  income: string;
}

/** Everything recorded between enrolment (start) and the last day with history (end). */
function generateHistory(
  data: DemoData,
  rng: Rng,
  fmt: (day: number) => string,
  nextId: (prefix: string) => string,
  enrolment: DemoEnrolment,
  start: number,
  end: number,
  endsWithClosure: boolean,
): HistoryOutcome {
  const enrolmentId = enrolment.id;

  // Trappan: placed at enrolment, then every one to three months, mostly upwards.
  let step = pickStartStep(rng);
  data.placements.push({ id: nextId("tp"), enrolmentId, date: fmt(start), step, motivation: pick(rng, MOTIVATIONS_AT_START[step]) });
  let day = start + between(rng, 35, 100);
  let lastPlacement = start;
  while (day <= end) {
    const r = rng();
    const previous = step;
    if (r < 0.55) step = Math.min(6, step + 1);
    else if (r < 0.7) step = Math.max(1, step - 1);
    const motivation = step > previous ? pick(rng, MOTIVATIONS_UP[step]) : step < previous ? pick(rng, MOTIVATIONS_DOWN) : pick(rng, MOTIVATIONS_SAME);
    data.placements.push({ id: nextId("tp"), enrolmentId, date: fmt(day), step, motivation });
    lastPlacement = day;
    day += between(rng, 35, 100);
  }
  if (endsWithClosure && end - lastPlacement > 14 && chance(rng, 0.6)) {
    data.placements.push({ id: nextId("tp"), enrolmentId, date: fmt(end), step, motivation: "Vid avslut" });
  }

  // SKAPA: offered early; most take the first assessment soon after, then about every quarter.
  if (chance(rng, 0.93)) {
    const offer = start + between(rng, 0, 30);
    if (offer <= end) {
      data.skapaOffers.push({ id: nextId("so"), enrolmentId, date: fmt(offer) });
      if (chance(rng, 0.85)) addAssessments(data, rng, fmt, nextId, enrolmentId, offer + between(rng, 0, 14), end);
    }
  }

  // Meetings: individual talks and the like, and a follow-up with the remittent each quarter.
  day = start + between(rng, 0, 10);
  while (day <= end) {
    const type = pickActivityType(rng);
    data.activities.push({
      id: nextId("act"),
      enrolmentId,
      date: fmt(day),
      type,
      minutes: chance(rng, 0.85) ? pick(rng, ACTIVITY_MINUTES[type] ?? [60]) : null,
    });
    day += between(rng, 40, 125);
  }
  day = start + between(rng, 60, 95);
  while (day <= end) {
    data.activities.push({ id: nextId("act"), enrolmentId, date: fmt(day), type: FOLLOW_UP_TYPE, minutes: pick(rng, [30, 45, 60]) });
    day += between(rng, 70, 95);
  }

  // Stödinsatser: new or extended support after the first weeks.
  const supportCount = Math.floor(rng() * 3.2);
  for (let i = 0; i < supportCount; i++) {
    const date = start + between(rng, 20, 300);
    if (date > end) continue;
    const type = pickSupportType(rng);
    data.support.push({ id: nextId("si"), enrolmentId, date: fmt(date), type: type.label, raisesActivityLevel: type.raisesActivityLevel });
  }

  // Försörjning sometimes changes during the period.
  let income = enrolment.incomeStart;
  if (chance(rng, 0.25)) {
    const date = start + between(rng, 30, 300);
    if (date <= end) {
      let next = pickIncomeStart(rng);
      if (next === income) next = next === "Aktivitetsstöd" ? "Försörjningsstöd" : "Aktivitetsstöd";
      data.incomeChanges.push({ id: nextId("ic"), enrolmentId, date: fmt(date), incomeSource: next });
      income = next;
    }
  }

  // FOV: asked once early; when not asked, usually asked at a later meeting.
  if (chance(rng, 0.9)) {
    const date = start + between(rng, 7, 60);
    if (date <= end) {
      const outcome = pickFovOutcome(rng);
      data.fovScreenings.push({
        id: nextId("fov"),
        enrolmentId,
        date: fmt(date),
        outcome,
        notAskedReason: outcome === "ej_tillfragad" ? pick(rng, FOV_NOT_ASKED_REASONS) : null,
        supportOffered: outcome === "ja" ? chance(rng, 0.85) : false,
      });
      const retry = date + between(rng, 14, 45);
      if (outcome === "ej_tillfragad" && retry <= end && chance(rng, 0.6)) {
        const second = chance(rng, 0.4) ? "ja" : "nej";
        data.fovScreenings.push({
          id: nextId("fov"),
          enrolmentId,
          date: fmt(retry),
          outcome: second,
          notAskedReason: null,
          supportOffered: second === "ja" && chance(rng, 0.85),
        });
      }
    }
  }

  return { lastStep: step, income };
}

function addAssessments(
  data: DemoData,
  rng: Rng,
  fmt: (day: number) => string,
  nextId: (prefix: string) => string,
  enrolmentId: string,
  first: number,
  end: number,
): void {
  const { min, max } = DEFAULT_SKAPA_SCALE;
  const clamp = (value: number) => Math.max(min, Math.min(max, Math.round(value)));
  // A person's own baseline per area, drifting upwards over repeated assessments.
  const level = DEFAULT_SKAPA_AREAS.map(() => 2 + rng() * 4);
  const withCoordinator = chance(rng, 0.15);
  for (let day = first; day <= end; day += between(rng, 75, 110)) {
    const scores: DemoSkapaScore[] = [];
    for (let a = 0; a < DEFAULT_SKAPA_AREAS.length; a++) {
      const own = clamp(level[a] + (rng() - 0.5) * 2);
      level[a] += rng() * 1.6 - 0.4;
      const answered = !chance(rng, 0.07);
      if (!answered && !withCoordinator) continue;
      scores.push({
        area: DEFAULT_SKAPA_AREAS[a],
        participantScore: answered ? own : null,
        coordinatorScore: withCoordinator ? clamp(own + between(rng, -2, 1)) : null,
      });
    }
    data.assessments.push({ id: nextId("sa"), enrolmentId, date: fmt(day), scores });
  }
}

/** Avslut: the reason leans on the last Trappan step; a first period before re-enrolment ends badly. */
function closeEnrolment(rng: Rng, enrolment: DemoEnrolment, outcome: HistoryOutcome, beforeReEnrolment: boolean): void {
  const positive = !beforeReEnrolment && chance(rng, outcome.lastStep >= 4 ? 0.8 : 0.35);
  const reason = positive ? pickPositiveReason(rng) : pickNegativeReason(rng);
  enrolment.closureReason = reason;
  enrolment.incomeEnd = INCOME_AFTER_REASON[reason] ?? outcome.income;
  enrolment.planAfterClosure = chance(rng, positive ? 0.95 : 0.8);
  if (chance(rng, 0.75)) {
    enrolment.surveySupport = chance(rng, 0.9);
    enrolment.surveyInfluence = chance(rng, 0.8);
    enrolment.surveyReadiness = chance(rng, positive ? 0.75 : 0.35);
  }
}

/** Referrals that never led to an enrolment and study visits by people who did not apply. */
function addUnlinkedIntake(
  data: DemoData,
  rng: Rng,
  fmt: (day: number) => string,
  nextId: (prefix: string) => string,
  participants: number,
  windowStart: number,
  today: number,
  pickKommun: (rng: Rng) => string,
  pickInsats: (rng: Rng) => string,
): void {
  const referrals = Math.round(participants * 0.3);
  for (let i = 0; i < referrals; i++) {
    data.referrals.push({
      id: nextId("ref"),
      date: fmt(between(rng, windowStart, today)),
      referrer: pickReferrer(rng),
      kommun: pickKommun(rng),
      insats: pickInsats(rng),
      decision: pickReferralDecision(rng),
      participantId: null,
    });
  }
  const visits = Math.round(participants * 0.25);
  for (let i = 0; i < visits; i++) {
    data.studyVisits.push({
      id: nextId("sv"),
      date: fmt(between(rng, windowStart, today)),
      kommun: pickKommun(rng),
      insats: pickInsats(rng),
      participantId: null,
    });
  }
}
