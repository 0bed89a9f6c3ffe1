export * from './localized.js';
export * from './version.js';
export * from './canonicalJson.js';
export * from './contentPack.js';
export * from './submission.js';
export * from './push.js';
export * from './enrolment.js';
export * from './errors.js';
