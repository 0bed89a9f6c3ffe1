import type { StaffSession } from '../services/staffAuth.js';
import type { ConsoleTexts } from './consoleTexts.js';

/** A signed-in staff member as the console's pages see them: the session, their language's words, and the page asked for. */
export interface ConsoleSession extends StaffSession {
  readonly t: ConsoleTexts;
  /** The requested path, for the switch to the other language. */
  readonly path: string;
}
