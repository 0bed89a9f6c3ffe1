export * from './schema.js';
export * from './loadConfig.js';
export * from './loadStarterContent.js';
export * from './writeConfig.js';
