import { html, type SafeHtml } from '../web/html.js';
import { PAGE_CSP } from '../web/layout.js';
import { builtScript } from '../web/builtScript.js';
import type { PhoneContext } from './phoneContext.js';
import { PHONE_UPLOAD_PATH } from './voiceUploadRoutes.js';

/** The longest voice message, as on the kiosk (kiosk-config's recording limit). */
export const MAX_PHONE_VOICE_SECONDS = 120;

/** The feedback page's policy: our script, its uploads, and the preview of the visitor's own recording (a blob: URL). */
export const RECORDER_CSP = PAGE_CSP.replace("media-src 'self'", "media-src 'self' blob:") + "; script-src 'self'; connect-src 'self'";

/**
 * The recorder's script (browser/voiceRecorder.ts, built by `npm run build:phone` into the package's
 * dist/central/phone/). Without a build, the feedback page is offered without voice.
 */
const script = builtScript('phone/voice-recorder.js', '/static/phone/voice-recorder.js');
export const recorderScript: string | undefined = script.url;
export const recorderScriptRoute = script.route;

/**
 * The voice part of the feedback form, hidden: the script shows it only where
 * the browser can record (MediaRecorder and a microphone); elsewhere the page
 * is the typed form it always was. Its words travel in data attributes, in the page's language.
 */
export function voiceRecorder(context: PhoneContext): SafeHtml {
  const { t } = context;
  return html`<section class="voice" id="voice" hidden aria-labelledby="voice-title"
 data-upload="${PHONE_UPLOAD_PATH}" data-csrf="${context.session.csrfToken}" data-max-seconds="${String(MAX_PHONE_VOICE_SECONDS)}"
 data-recording="${t.p.recording}" data-ready="${t.p.voiceReady}" data-uploading="${t.p.uploading}" data-failed="${t.p.uploadFailed}" data-no-microphone="${t.p.noMicrophone}">
<h2 id="voice-title">${t.p.voiceTitle}</h2>
<p class="hint">${t.p.voiceHelp}</p>
<div class="actions">
<button type="button" id="voice-record">${t.p.record}</button>
<button type="button" id="voice-stop" hidden>${t.p.stop}</button>
<button type="button" class="secondary" id="voice-remove" hidden>${t.p.removeVoice}</button>
</div>
<p id="voice-status" role="status"></p>
<audio id="voice-preview" controls hidden aria-labelledby="voice-status"></audio>
<input type="hidden" name="voiceUpload" id="voice-upload" value="">
</section>`;
}
