import { startUrlProcess, type UrlProcess } from './urlProcess.js';

// The least a kiosk could do: Node answering every request with a page that is
// only the welcome screen's Start button, no scripts, no styles, no core.
const FLOOR_SERVER = `
import { createServer } from 'node:http';
const page = '<!doctype html><html lang="ka"><meta charset="utf-8"><title>PSH</title><button>დაწყება</button></html>';
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(page);
});
server.listen(0, '127.0.0.1', () => console.log('KIOSK_URL=http://127.0.0.1:' + server.address().port));
process.once('SIGTERM', () => process.exit(0));
`;

/**
 * The floor of kiosk.ready_ms on this machine at this moment: a Node process
 * started, a page served and Chromium showing its button, measured the same
 * way and in the same run, so the kiosk's figure can be read as a ratio that
 * the machine's load of the moment does not move.
 */
export function startFloorHost(): Promise<UrlProcess> {
  return startUrlProcess(['--input-type=module', '--eval', FLOOR_SERVER]);
}
