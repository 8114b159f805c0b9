import type { ReactNode } from "react";

/** A message about the outcome of the last action, announced to screen readers. */
export function Notice({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "warning" | "info" }) {
  return (
    <div className={`notice notice--${tone}`} role="status">
      {children}
    </div>
  );
}
