// The inline form of a table row that changes someone's role: the roles in a select (labelled for
// screen readers only) and a quiet submit button, posted with intent "role" and the person's id.
// Used by a working group's Members tab (group roles); the administration's member list has the
// same form for site roles.
import { Form } from "@remix-run/react";

export type RoleChoices = ReadonlyArray<{ value: string; label: string }>;

/** The roles as the options of a select. */
export function RoleOptions({ roles }: { roles: RoleChoices }) {
  return (
    <>
      {roles.map((role) => (
        <option key={role.value} value={role.value}>
          {role.label}
        </option>
      ))}
    </>
  );
}

export interface RoleFormProps {
  userId: number;
  /** The role the person has now (selected). */
  current: string;
  roles: RoleChoices;
  /** The select's label, e.g. "Role of Lan". */
  label: string;
  submit: string;
}

export function RoleForm({ userId, current, roles, label, submit }: RoleFormProps) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="role" />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="visually-hidden">
        {label}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={current}>
        <RoleOptions roles={roles} />
      </select>
      <button type="submit" className="button button--quiet">
        {submit}
      </button>
    </Form>
  );
}
