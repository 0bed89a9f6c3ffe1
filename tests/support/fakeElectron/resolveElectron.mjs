// Module resolve hook: the specifier 'electron' becomes the stand-in beside this file.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: new URL('./fakeElectron.mjs', import.meta.url).href, shortCircuit: true };
  return nextResolve(specifier, context);
}
