import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/** A form of one button that posts its intent (and any hidden fields) to the page's action. */
export function IntentButton({
  intent,
  fields = {},
  className = "button",
  children,
}: {
  intent: string;
  fields?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {children}
      </button>
    </Form>
  );
}
