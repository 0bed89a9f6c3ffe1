import { Agent, fetch as undiciFetch } from 'undici';
import { phoneClient } from '../../tests/support/phoneClient.js';
import { rateTheDesk, takeTheDemoSurvey } from '../../tests/support/phoneFlows.js';

/** A phone visitor's outcome: finished (thanked) or not, and how long each page and form took through the proxy. */
export interface PhoneOutcome {
  readonly finished: boolean;
  readonly kind: 'rating' | 'survey';
  readonly shared: boolean;
  readonly requestMs: readonly number[];
}

const agents = new Map<string, Agent>();
/**
 * A fetch whose connections leave from `address` (one of 127.0.0.0/8): the
 * proxy sees the phone's own address, or the one a mobile operator's NAT
 * gives many phones, and tells Central in X-Forwarded-For. undici is the
 * HTTP client inside Node's own fetch; its Agent is what lets a connection
 * choose its source address.
 */
function fetchFrom(address: string, times: number[]): typeof fetch {
  let agent = agents.get(address);
  if (!agent) {
    agent = new Agent({ connect: { localAddress: address }, keepAliveTimeout: 5_000 });
    agents.set(address, agent);
  }
  const dispatcher = agent;
  const send = async (input: string | URL, init: RequestInit = {}) => {
    const started = performance.now();
    const response = await undiciFetch(input, { ...(init as object), dispatcher });
    // The page's time: until its whole body is in, as a browser with JavaScript off shows it.
    const body = await response.arrayBuffer();
    times.push(performance.now() - started);
    const answer = new Response(body, { status: response.status, headers: response.headers as unknown as Headers });
    Object.defineProperty(answer, 'url', { value: response.url });
    return answer;
  };
  return send as unknown as typeof fetch;
}

/** One phone at a desk's QR code, with JavaScript off: a rating (smiley, comment) or the demo survey, question by question. */
export async function phoneVisit(
  base: string,
  desk: string,
  kind: 'rating' | 'survey',
  address: string,
  shared: boolean,
): Promise<PhoneOutcome> {
  const requestMs: number[] = [];
  const phone = phoneClient(base, fetchFrom(address, requestMs));
  let finished = false;
  try {
    finished = kind === 'rating' ? await rateTheDesk(phone, desk) : await takeTheDemoSurvey(phone, desk);
  } catch {
    // A page that never came (a Central killed mid-answer): this visitor gave up, as a person would; counted as unfinished.
  }
  return { finished, kind, shared, requestMs };
}

export async function closePhoneAgents(): Promise<void> {
  await Promise.all([...agents.values()].map((agent) => agent.close()));
  agents.clear();
}
