import { createElement, lazy, Suspense } from 'react';
import type { FlowProps, KioskFlow } from '../../flows/kioskFlow.js';
import { flows } from '../../flows/registry.js';

// One lazy component per flow: its screens load the first time it is opened (or when prefetched).
const views = new Map(flows.map((flow) => [flow.id, lazy(flow.load)] as const));

/** The screen of `flow` the state is on. */
export function FlowView({ flow, ...props }: FlowProps & { readonly flow: KioskFlow }) {
  const View = views.get(flow.id);
  if (!View) return null;
  // The lazy components are made once, above, not during render (createElement says so to the hooks lint).
  return <Suspense fallback={null}>{createElement(View, props)}</Suspense>;
}

/** Loads every flow's screens ahead of need (the attract screen calls this while it waits for a visitor). */
export const prefetchFlows = (): void => flows.forEach((flow) => void flow.load());
