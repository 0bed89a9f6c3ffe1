import { html, type SafeHtml } from '../web/html.js';
import type { PhoneContext } from './phoneContext.js';
import { radios } from './phoneForms.js';

/**
 * Which of the desk's services a rating or feedback is about: asked only when
 * the desk serves several; otherwise the one service travels in a hidden field.
 */
export function deskServiceField(
  context: PhoneContext,
  names: (id: string) => string,
  checked: string | undefined,
  error: string | undefined,
): SafeHtml {
  const { desk, t } = context;
  if (desk.services.length <= 1) return html`<input type="hidden" name="service" value="${checked ?? ''}">`;
  return radios({
    name: 'service',
    legend: t.m.feedback.serviceTitle,
    options: desk.services.map((id) => ({ value: id, label: names(id) })),
    checked,
    error,
  });
}
