// The package ships no types: its default export is the Emscripten module factory.
declare module '@echogarden/espeak-ng-emscripten' {
  const initialize: () => Promise<unknown>;
  export default initialize;
}
