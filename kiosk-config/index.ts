export * from './schema.js';
export * from './loadConfig.js';
export { demoContentPack } from './demo/demoContentPack.js';
