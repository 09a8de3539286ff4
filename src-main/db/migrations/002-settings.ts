/** Non-secret settings (the corp profile); secrets live in the SecretStore, never here. */
export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
