import { isSignedIn, signInStaff, type StaffClient } from '../../tests/support/staffClient.js';

export interface StaffDay {
  /** How long each look at the inbox took, while the fleet pushed. */
  readonly inboxMs: number[];
  readonly answered: Set<string>;
  readonly failures: string[];
  stop(): Promise<void>;
}

const REPLY = 'გმადლობთ. ფილიალის ხელმძღვანელმა დღესვე დაამატა მეორე ოპერატორი.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signIn(url: string, user: string, password: string): Promise<StaffClient> {
  // Through the proxy, while a Central may be down: a refused or failed sign-in is tried again, as staff would.
  for (let attempt = 0; ; attempt += 1) {
    const client = await signInStaff({ url }, user, password).catch((error: unknown) => ({ status: 0, text: String(error) }));
    if (isSignedIn(client)) return client;
    if (attempt === 20) throw new Error(`staff sign-in failed: ${String(client.status)} ${client.text.slice(0, 200)}`);
    await sleep(500);
  }
}

/**
 * A responder's shift in the console, through the proxy: look at the inbox of
 * open feedback, answer the oldest one not answered yet, look again. Every
 * look is timed; a failed look or answer (a Central going down under them) is
 * kept as a failure and the shift goes on.
 */
export async function startStaffDay(url: string, user: string, password: string, pauseMs = 2_000): Promise<StaffDay> {
  const staff = await signIn(url, user, password);
  const day: Omit<StaffDay, 'stop'> = { inboxMs: [], answered: new Set(), failures: [] };
  let running = true;
  const shift = (async () => {
    while (running) {
      try {
        const started = performance.now();
        const inbox = await staff.page('/console/feedback');
        day.inboxMs.push(performance.now() - started);
        if (inbox.status !== 200) throw new Error(`inbox answered ${String(inbox.status)}`);
        const codes = [...inbox.text.matchAll(/href="\/console\/feedback\/([A-Z0-9]+)"/g)].map((match) => match[1] ?? '');
        const next = codes.find((code) => !day.answered.has(code));
        if (next) {
          const answer = await staff.post(`/console/feedback/${next}/respond`, { text: REPLY });
          if (answer.status === 200) day.answered.add(next);
          else throw new Error(`answer to ${next}: ${String(answer.status)}`);
        }
      } catch (error) {
        day.failures.push(error instanceof Error ? error.message : String(error));
      }
      await sleep(pauseMs);
    }
  })();
  return {
    ...day,
    async stop() {
      running = false;
      await shift;
    },
  };
}
