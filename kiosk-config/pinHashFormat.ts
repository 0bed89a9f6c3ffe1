/** How the technician PIN's scrypt hash is written in the config: `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url). */
export const PIN_HASH_PATTERN = /^scrypt\$[0-9]{1,2}\$[0-9]{1,2}\$[0-9]{1,2}\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$/;
