import { fixtureFlows } from './fixtureFlows.js';
import type { FlowDrafts, KioskFlow } from './kioskFlow.js';

type FlowModule = { readonly flow: KioskFlow };

// Every folder here with a flow.ts is a flow: the home tiles, the screens the shell can show, the drafts
// and the actions all come from these definitions. Adding a flow is adding a folder (and its locale keys).
const folders = import.meta.glob<FlowModule>('./*/flow.ts', { eager: true });

/** The kiosk's flows, in home-tile order. */
export const flows: readonly KioskFlow[] = [...Object.values(folders).map((module) => module.flow), ...fixtureFlows].sort(
  (a, b) => (a.tile?.order ?? Infinity) - (b.tile?.order ?? Infinity),
);

const owner = new Map(flows.flatMap((flow) => flow.screens.map((screen) => [screen, flow] as const)));

/** The flow that shows this screen (undefined for the shell's own). */
export const flowOfScreen = (screen: string): KioskFlow | undefined => owner.get(screen);

/** Every flow's empty draft: a new visitor's. */
export const emptyDrafts = (): FlowDrafts => Object.fromEntries(flows.map((flow) => [flow.id, flow.emptyDraft])) as unknown as FlowDrafts;
