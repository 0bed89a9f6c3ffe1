export * from './schema.js';
export * from './loadConfig.js';
export * from './writeConfig.js';
