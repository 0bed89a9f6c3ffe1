/** Bumped when a wire message changes shape; Central refuses items from a newer schema. */
export const PROTOCOL_VERSION = 1;
