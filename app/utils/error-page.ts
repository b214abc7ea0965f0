// What an error page says: a Swedish title, what happened, and what the person can do next.
// Pure, so that every status is tested; app/components/ErrorPage.tsx renders it.

export interface ErrorPageText {
  title: string;
  message: string;
  /** What to do now, as a sentence. */
  advice: string;
  /** Where to go from here. */
  links: ReadonlyArray<{ to: string; label: string }>;
}

const HOME = { to: "/", label: "Till startsidan" } as const;
const SIGN_IN = { to: "/logga-in", label: "Logga in" } as const;

/**
 * `status` is the HTTP status of a thrown response, or null for an unexpected error (shown as
 * 500). `message` is the server's own Swedish message where it gave one.
 */
export function errorPageText(status: number | null, message: string | null, signedIn: boolean): ErrorPageText {
  const links = signedIn ? [HOME] : [SIGN_IN];
  switch (status) {
    case 400:
    case 415:
      return {
        title: "Förfrågan kunde inte tas emot",
        message: message ?? "Uppgifterna som skickades gick inte att läsa.",
        advice: "Gå tillbaka, ladda om sidan och försök igen.",
        links,
      };
    case 403:
      return {
        title: "Åtkomst nekad",
        message: message ?? "Du har inte behörighet till den här sidan.",
        advice: signedIn
          ? "Behöver du komma åt den, be förbundschefen se över din roll eller vilka insatser och kommuner du arbetar med."
          : "Logga in och försök igen.",
        links,
      };
    case 404:
      return {
        title: "Sidan finns inte",
        message: message ?? "Sidan eller posten du söker finns inte.",
        advice: "Kontrollera adressen, eller gå vidare från startsidan. En deltagare som har återkallat sitt samtycke finns inte längre i Stegvis.",
        links,
      };
    case 409:
      return {
        title: "Posten har ändrats",
        message: message ?? "Någon annan har ändrat posten medan du arbetade.",
        advice: "Ladda om sidan, kontrollera uppgifterna och spara igen.",
        links,
      };
    case 413:
      return {
        title: "För mycket på en gång",
        message: message ?? "Det som skickades var för stort.",
        advice: "Skicka mindre på en gång och försök igen.",
        links,
      };
    case 429:
      return {
        title: "För många försök",
        message: message ?? "Du har försökt för många gånger på kort tid.",
        advice: "Vänta en stund och försök igen.",
        links,
      };
    case null:
    case 500:
      return {
        title: "Något gick fel",
        message: "Ett oväntat fel inträffade hos Stegvis. Ingenting av det du skickade har sparats till hälften.",
        advice: "Ladda om sidan och försök igen. Kvarstår felet, kontakta förbundets administratör och berätta vad du gjorde och när.",
        links,
      };
    default:
      return {
        title: `Något gick fel (${status})`,
        message: message ?? "Sidan kunde inte visas.",
        advice: "Försök igen om en stund.",
        links,
      };
  }
}
