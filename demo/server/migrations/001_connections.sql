-- Shipyard's linked Harness accounts: one row per account. Plain SQL, the same on PGlite (the demo's
-- embedded database) and on a Postgres server (psql -v ON_ERROR_STOP=1 --single-transaction -f this file).
CREATE TABLE harness_connections (
  account_id            text PRIMARY KEY,
  -- NULL when Harness would not name the account (a service account without core_account_view).
  account_name          text,
  -- Who the key acts as. A reconnect must bring a key of this same principal.
  principal_kind        text NOT NULL CHECK (principal_kind IN ('user', 'service_account')),
  principal_identifier  text,
  principal_name        text,
  principal_email       text,
  token_kind            text NOT NULL CHECK (token_kind IN ('pat', 'sat')),
  token_id              text NOT NULL,
  -- Safe to show: the key's prefix, account and last characters at most.
  token_hint            text NOT NULL,
  token_name            text,
  -- NULL: the key never expires.
  expires_at            timestamptz,
  -- The key itself, sealed with AES-256-GCM under Shipyard's secret: a fresh 12-byte IV for every write, and
  -- the account id as additional data, so a sealed key copied onto another account's row does not open.
  key_iv                bytea NOT NULL CHECK (octet_length(key_iv) = 12),
  key_sealed            bytea NOT NULL,
  linked_at             timestamptz NOT NULL,
  -- When a reconnect last replaced the key; NULL until one does.
  renewed_at            timestamptz,
  -- The last health check (linking and reconnecting count as one): what checkHarnessConnection answered.
  last_check_status     text NOT NULL CHECK (
    last_check_status IN ('ok', 'expiring', 'expired', 'revoked', 'invalid', 'permissions_missing', 'unreachable')
  ),
  last_check_at         timestamptz NOT NULL,
  -- The error code behind a status other than ok or expiring.
  last_check_error      text,
  -- The required permissions Harness said the key lacks (a JSON list), for permissions_missing.
  last_check_missing    jsonb NOT NULL DEFAULT '[]'::jsonb
);
