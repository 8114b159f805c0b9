// Two-factor sign-in (2026-11-29T1000-two-factor migration); reached through
// app/models/two-factor.server.ts only.
import type { ColumnType, Generated } from "kysely";

type DefaultedText = ColumnType<string, string | undefined, string>;

export interface TwoFactorTable {
  user_id: number;
  /** The TOTP key in base32, stored as is (see docs/decisions/002-two-factor-sign-in.md). */
  secret: string;
  /** The last 30-second step a code was accepted for (codes are never accepted twice). */
  last_used_step: number | null;
  created_at: DefaultedText;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 (hex) of the normalised code. */
  code_hash: string;
  used_at: string | null;
  created_at: DefaultedText;
}

export interface RememberedBrowserTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 (hex) of the cookie's token. */
  token_hash: string;
  user_agent: DefaultedText;
  ip_address: DefaultedText;
  created_at: DefaultedText;
  expires_at: string;
}

export interface PendingSignInTable {
  /** SHA-256 (hex) of the cookie's token. */
  token_hash: string;
  user_id: number;
  redirect_to: DefaultedText;
  failures: ColumnType<number, number | undefined, number>;
  ip_address: DefaultedText;
  created_at: DefaultedText;
  expires_at: string;
}

export interface SecurityTables {
  two_factor: TwoFactorTable;
  recovery_code: RecoveryCodeTable;
  remembered_browser: RememberedBrowserTable;
  pending_sign_in: PendingSignInTable;
}
