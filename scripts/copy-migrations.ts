import { cpSync } from 'node:fs';

// tsc emits only code; the kiosk core reads its SQL migrations from beside its compiled files.
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: tsx scripts/copy-migrations.ts OUT_DIR');
cpSync('src-main/core/db/migrations', `${outDir}/src-main/core/db/migrations`, { recursive: true });
console.log(`Copied kiosk migrations into ${outDir}`);
