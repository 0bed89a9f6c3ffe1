import { Upload } from 'tus-js-client';
import { recordingToWav } from './pcmWav.js';

/**
 * The phone feedback page's voice message (../voiceRecorder.ts
 * renders its hidden markup; this folder is the phone pages' only browser code). Shown only where the browser can record; the
 * visitor records, listens back, and on "Send" the WAV is uploaded resumably
 * (tus, retried and resumed across network drops) before the form itself is
 * sent with the upload's id. Without this script the page is the typed form.
 */
function start(): void {
  const section = document.getElementById('voice');
  const form = section?.closest('form');
  const get = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  const recordButton = get<HTMLButtonElement>('voice-record');
  const stopButton = get<HTMLButtonElement>('voice-stop');
  const removeButton = get<HTMLButtonElement>('voice-remove');
  const status = get<HTMLParagraphElement>('voice-status');
  const preview = get<HTMLAudioElement>('voice-preview');
  const uploadField = get<HTMLInputElement>('voice-upload');
  if (!section || !form || !recordButton || !stopButton || !removeButton || !status || !preview || !uploadField) return;
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return;
  const words = section.dataset;
  const maxSeconds = Number(words.maxSeconds ?? '120');
  section.hidden = false;

  let wav: Blob | undefined;
  let recorder: MediaRecorder | undefined;
  let limit: number | undefined;

  const show = (state: 'idle' | 'recording' | 'ready') => {
    recordButton.hidden = state === 'recording';
    stopButton.hidden = state !== 'recording';
    removeButton.hidden = state !== 'ready';
    preview.hidden = state !== 'ready';
  };

  recordButton.addEventListener('click', () => {
    void (async () => {
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch {
        status.textContent = words.noMicrophone ?? '';
        return;
      }
      const chunks: Blob[] = [];
      const started = new MediaRecorder(stream);
      recorder = started;
      started.addEventListener('dataavailable', (event) => chunks.push(event.data));
      started.addEventListener('stop', () => {
        stream.getTracks().forEach((track) => track.stop());
        window.clearTimeout(limit);
        void recordingToWav(new Blob(chunks, { type: started.mimeType }))
          .then((made) => {
            wav = made;
            uploadField.value = '';
            if (preview.src) URL.revokeObjectURL(preview.src);
            preview.src = URL.createObjectURL(made);
            status.textContent = words.ready ?? '';
            show('ready');
          })
          .catch(() => {
            status.textContent = words.noMicrophone ?? '';
            show('idle');
          });
      });
      started.start();
      limit = window.setTimeout(() => started.stop(), maxSeconds * 1000);
      status.textContent = words.recording ?? '';
      show('recording');
      stopButton.focus();
    })();
  });

  stopButton.addEventListener('click', () => {
    if (recorder?.state === 'recording') recorder.stop();
    recordButton.focus();
  });

  removeButton.addEventListener('click', () => {
    wav = undefined;
    uploadField.value = '';
    if (preview.src) URL.revokeObjectURL(preview.src);
    preview.removeAttribute('src');
    status.textContent = '';
    show('idle');
    recordButton.focus();
  });

  form.addEventListener('submit', (event) => {
    if (!wav || uploadField.value) return;
    event.preventDefault();
    status.textContent = words.uploading ?? '';
    const upload = new Upload(wav, {
      endpoint: words.upload ?? '',
      chunkSize: 256 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      headers: { 'X-CSRF-Token': words.csrf ?? '' },
      metadata: { filename: 'voice-message.wav', filetype: 'audio/wav' },
      removeFingerprintOnSuccess: true,
      onError: () => {
        status.textContent = words.failed ?? '';
      },
      onSuccess: () => {
        uploadField.value = upload.url?.split('/').pop() ?? '';
        // form.submit() sends without firing this handler again.
        form.submit();
      },
    });
    upload.start();
  });
}

start();
