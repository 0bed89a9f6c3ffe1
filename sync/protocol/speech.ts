/** Words per minute a kiosk speaks at by default; Central's Listen audio uses the same, so a phone hears what a kiosk says. */
export const DEFAULT_SPEECH_RATE = 175;
