import type { FastifyReply } from 'fastify';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import type { PhoneContext } from './phoneContext.js';

/** A list page of the desk (the open surveys, the open ballots): one tile link each, or a sentence when there is none. */
export function sendTileList(
  context: PhoneContext,
  reply: FastifyReply,
  page: { readonly title: string; readonly none: string; readonly tiles: ReadonlyArray<{ readonly href: string; readonly label: string }> },
) {
  return sendPage(
    reply,
    context.page({
      title: page.title,
      back: context.home,
      body:
        page.tiles.length === 0
          ? html`<p>${page.none}</p>`
          : html`<ul class="tiles">${page.tiles.map((tile) => html`<li><a class="tile" href="${tile.href}">${tile.label}</a></li>`)}</ul>`,
    }),
  );
}
