import { cpSync } from 'node:fs';

// tsc emits only code; the kiosk core reads its SQL migrations from beside its compiled files.
cpSync('src-main/core/db/migrations', 'dist/electron/src-main/core/db/migrations', { recursive: true });
console.log('Copied kiosk migrations into dist/electron');
