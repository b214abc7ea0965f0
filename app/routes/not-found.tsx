import { data } from "react-router";

// Every unknown URL lands here and is shown by the root error boundary as a Swedish 404 page.
export function loader() {
  throw data({ message: "Sidan du söker finns inte. Kontrollera adressen eller gå tillbaka till startsidan." }, { status: 404 });
}

export default function NotFound() {
  return null;
}
