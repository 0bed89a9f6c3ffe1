import { fileURLToPath } from 'node:url';

/**
 * The demo content pack as a file: the demo kiosk's starterContent and what
 * `central serve --content` publishes for the demo and the tests. Resolved
 * beside this source file (demo and tests run the sources through tsx).
 */
export const DEMO_CONTENT_FILE = fileURLToPath(new URL('./demoContent.json', import.meta.url));
