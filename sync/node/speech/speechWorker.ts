import { parentPort } from 'node:worker_threads';
import initEspeak from '@echogarden/espeak-ng-emscripten';
import type { SynthRequest, SynthReply } from './synthProtocol.js';

// eSpeak NG (WebAssembly) in its own thread: a long or pathological text
// occupies this thread, never the kiosk core's event loop, and the owner can
// terminate it if it stops answering.
interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wordsPerMinute: number): void;
  synthesize(text: string, onChunk: (samples: Int16Array) => number): void;
  get_samplerate(): number;
}
interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}

const port = parentPort;
if (!port) throw new Error('speechWorker must run in a worker thread');

const engine = (async () => {
  const module = (await initEspeak()) as EspeakModule;
  return new module.eSpeakNGWorker();
})();

port.on('message', (request: SynthRequest) => {
  void engine.then((espeak) => {
    let reply: SynthReply;
    try {
      if (espeak.set_voice(request.voice) !== 0) throw new Error(`eSpeak NG has no voice "${request.voice}"`);
      espeak.set_rate(request.rate);
      const chunks: Int16Array[] = [];
      let length = 0;
      espeak.synthesize(request.text, (samples) => {
        chunks.push(samples);
        length += samples.length;
        return 0; // 0 = go on
      });
      const samples = new Int16Array(length);
      let offset = 0;
      for (const chunk of chunks) {
        samples.set(chunk, offset);
        offset += chunk.length;
      }
      reply = { id: request.id, ok: true, samples, sampleRate: espeak.get_samplerate() };
      port.postMessage(reply, [samples.buffer]);
    } catch (error) {
      reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    }
  });
});
