import type { ComponentType, Dispatch } from 'react';
import type { AppInfo } from '../../src-main/api/contract.js';
import type { KioskAction, KioskState } from '../shells/kiosk/kioskState.js';

/**
 * What each flow adds to the kiosk's state and vocabulary. A flow folder
 * augments these three interfaces from its own flow.ts (TypeScript merges
 * them), so the shell's state and action types grow without the shell being
 * edited:
 *
 *   declare module '../kioskFlow.js' {
 *     interface FlowDrafts { feedback: FeedbackDraft }
 *     interface FlowScreens { feedback: 'feedbackKind' | 'feedbackReview' }
 *     interface FlowActions { feedback: { type: 'feedback'; patch: Partial<FeedbackDraft> } }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, flow by flow
export interface FlowDrafts {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, flow by flow
export interface FlowScreens {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, flow by flow
export interface FlowActions {}

export type FlowId = Extract<keyof FlowDrafts, string>;
export type FlowScreen = FlowScreens[keyof FlowScreens];
export type FlowAction = FlowActions[keyof FlowActions];

/** What the shell hands the flow on screen. */
export interface FlowProps {
  readonly state: KioskState;
  readonly dispatch: Dispatch<KioskAction>;
  readonly info: AppInfo;
  /** Back, as the bottom bar's button and the Back key do it (a dialog closes first). */
  readonly onBack: () => void;
  /** The visitor is done: the session ends and the kiosk greets the next one. */
  readonly onFinish: () => void;
}

/** A flow's definition, in its folder's flow.ts: the registry (registry.ts) finds it there. */
export interface KioskFlow<Id extends FlowId = FlowId> {
  readonly id: Id;
  /** The home tile: its label's locale key and its place (a blind visitor learns positions, so new flows take the next number). */
  readonly tile?: { readonly label: string; readonly order: number };
  /** Every screen the flow shows; the shell renders the flow's View on these. */
  readonly screens: readonly string[];
  /** The draft a visitor starts from, again after each send and at every reset. */
  readonly emptyDraft: FlowDrafts[Id];
  /** What the home tile does: usually a fresh draft and the first screen. */
  readonly start: (dispatch: Dispatch<KioskAction>, info: AppInfo) => void;
  /** The flow's own actions; undefined for an action that is not its. */
  readonly reduce?: (state: KioskState, action: KioskAction) => KioskState | undefined;
  /** Back inside the flow (a previous question, a previous section); undefined to go back a screen as usual. */
  readonly back?: (state: KioskState) => KioskState | undefined;
  /** The flow's screens, loaded when first needed (and prefetched while the attract screen waits). */
  readonly load: () => Promise<{ readonly default: ComponentType<FlowProps> }>;
  /** Texts a flow brings that are not in the locale files (a test fixture's); by language, merged into the translations. */
  readonly texts?: Readonly<Record<string, Record<string, unknown>>>;
}

/** Declares a flow with its id's draft type checked. */
export const defineFlow = <Id extends FlowId>(flow: KioskFlow<Id>): KioskFlow<Id> => flow;
