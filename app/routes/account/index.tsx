import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requireUser } from "~/auth/guards.server";
import { ROLE_LABELS } from "~/auth/permissions";
import { twoFactorStatus } from "~/data/two-factor.server";

export const meta: Route.MetaFunction = () => [{ title: "Mitt konto – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const status = await twoFactorStatus(user.id);
  return {
    name: user.name,
    email: user.email,
    roleLabel: ROLE_LABELS[user.role],
    twoFactor: status.enabledAt ? "Påslagen." : status.required ? "Avstängd – din roll kräver den." : "Avstängd.",
  };
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { name, email, roleLabel, twoFactor } = loaderData;
  return (
    <div className="narrow">
      <h1>Mitt konto</h1>
      <p>
        {name}, {email} ({roleLabel})
      </p>
      <ul className="card-grid">
        <li className="card">
          <h2>
            <Link to="/konto/losenord">Byt lösenord</Link>
          </h2>
          <p>Ett nytt lösenord loggar ut dina andra inloggningar.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/konto/tvastegsverifiering">Tvåstegsverifiering</Link>
          </h2>
          <p>Inloggning med en kod från en app i telefonen. {twoFactor}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/konto/inloggningar">Mina inloggningar</Link>
          </h2>
          <p>Var du är inloggad just nu, och avsluta de inloggningar du inte känner igen.</p>
        </li>
      </ul>
    </div>
  );
}
