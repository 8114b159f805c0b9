// A labelled drop-down of a GET form: the library's filters, the versions to compare, the group of a
// new document, the section of a new proposal.
import type { ReactNode } from "react";

export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  required,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} required={required}>
        {children}
      </select>
    </div>
  );
}
