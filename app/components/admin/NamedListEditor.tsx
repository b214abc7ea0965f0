import { TextField } from "~/components/forms/fields";
import { failureFor, fieldState, type FormAnswer } from "~/utils/form-answer";
import { AdminTable } from "./AdminTable";
import { CreateForm, ListPageMessage } from "./CreateForm";
import { DeleteButton } from "./DeleteButton";
import { InlineEdit } from "./InlineEdit";
import { UsageCell } from "./UsageCell";

export interface NamedRow {
  id: string;
  name: string;
  /** What refers to the row, or null when nothing does. */
  usage: string | null;
}

/**
 * A förbund's list of names (kommuner, remittenter): each row with what uses it, renamed inline
 * and deleted unless used; a form to add one below. The page gives the words.
 */
export function NamedListEditor({
  rows,
  actionData,
  caption,
  empty,
  noun,
  note,
  addLabel,
}: {
  rows: readonly NamedRow[];
  actionData: FormAnswer | undefined;
  /** "Förbundets kommuner" */
  caption: string;
  /** "Förbundet har inga kommuner ännu." */
  empty: string;
  /** "kommunen", as in "Ta bort kommunen Ljungby?" */
  noun: string;
  /** Under the table: which rows cannot be deleted. */
  note: string;
  /** "Lägg till kommun": the heading and button of the add form. */
  addLabel: string;
}) {
  return (
    <>
      <ListPageMessage actionData={actionData} />
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <AdminTable caption={caption} columns={["Namn", "Används av", "Åtgärder"]}>
          {rows.map((row) => {
            const renameFailed = failureFor(actionData, "rename", row.id);
            const fields = fieldState(renameFailed, { name: row.name });
            return (
              <tr key={row.id}>
                <td>{row.name}</td>
                <UsageCell usage={row.usage} />
                <td>
                  <div className="admin-actions">
                    <InlineEdit
                      intent="rename"
                      id={row.id}
                      open={!!renameFailed}
                      summary={
                        <>
                          Byt namn<span className="visually-hidden"> på {row.name}</span>
                        </>
                      }
                      submit="Spara namnet"
                    >
                      <TextField label={`Nytt namn på ${row.name}`} name="name" required defaultValue={fields.value("name")} errors={fields.errors("name")} />
                    </InlineEdit>
                    <DeleteButton id={row.id} name={row.name} noun={noun} />
                  </div>
                </td>
              </tr>
            );
          })}
        </AdminTable>
      )}
      <p className="muted">{note}</p>

      <CreateForm actionData={actionData} label={addLabel}>
        {(fields) => <TextField label="Namn" name="name" required defaultValue={fields.value("name")} errors={fields.errors("name")} />}
      </CreateForm>
    </>
  );
}
