/** Bumped when a wire message changes shape; Central refuses items from a newer schema. */
export const PROTOCOL_VERSION = 1;

/** Every kiosk request says which protocol it speaks; Central answers 426 when it no longer does. */
export const PROTOCOL_HEADER = 'x-psh-protocol';
