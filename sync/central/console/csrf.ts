import type { StaffSession } from '../services/staffAuth.js';
import { html, type SafeHtml } from '../web/html.js';

/** The hidden field every console form posts: staffGuard checks it against the session's token (with the Origin). */
export const csrfField = (session: StaffSession): SafeHtml => html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;
