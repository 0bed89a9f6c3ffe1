import type { TFunction } from 'i18next';
import { describeElement, type Utterance } from './describeElement.js';
import { inputWay } from './inputWay.js';

/**
 * What a control says when focus comes to it: its name, role and state, and,
 * for a text box or a keyboard entered from outside, how it is used (after a
 * pause, not at every move inside it). `from` is where focus came from.
 */
export function focusUtterances(target: HTMLElement, from: EventTarget | null, t: TFunction): Utterance[] {
  const widget = target.closest<HTMLElement>('[data-enter-hint]');
  const entered = widget && !(from instanceof Node && widget.contains(from));
  // Its hint is about keys (arrows, Enter): a visitor exploring by touch touches the keys themselves.
  const hint = entered && inputWay() === 'keys' ? widget.dataset.enterHint : undefined;
  return [...describeElement(target, t), ...(hint ? [{ text: hint, afterPause: true }] : [])];
}
