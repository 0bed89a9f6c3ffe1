/** English UI texts; the shape every other language must fill. */
export const en = {
  welcome: {
    title: 'Your voice improves public services',
    subtitle: 'Rate a service, take a survey, vote, or tell us what to improve.',
    start: 'Start',
  },
  language: { title: 'Choose your language' },
  home: {
    title: 'What would you like to do?',
    rate: 'Rate the service you received',
    survey: 'Surveys',
    vote: 'Vote on initiatives',
    feedback: 'Leave feedback',
    propose: 'Propose a service',
    track: 'Check feedback status',
    comingSoon: 'Coming soon',
  },
  rating: {
    next: 'Next',
    chooseFirst: 'Choose one of the ratings first',
    selected: 'selected',
  },
  comment: {
    label: 'Your comment',
    send: 'Send',
    skip: 'Send without a comment',
    keyboardSwitch: 'Keyboard: {{name}}',
    characters: '{{count}} of {{max}} characters',
  },
  thanks: {
    title: 'Thank you! Your rating is saved.',
    codeLabel: 'Confirmation code',
    note: 'It is sent to the Public Service Hall automatically.',
    finish: 'Finish',
  },
  bar: {
    label: 'Always here',
    home: 'Home',
    back: 'Back',
    help: 'Help',
    language: 'Language',
    audio: 'Audio',
    audioSoon: 'Audio mode is coming soon',
  },
  help: {
    title: 'Help',
    close: 'Close',
    welcome: 'Touch “Start”, choose your language, then what you would like to do.',
    language: 'Touch your language. You can change it at any time with the Language button at the bottom.',
    home: 'Choose what you would like to do. At the bottom: Home, Back, Help and Language.',
    rating: 'Touch the face that matches your opinion, then touch “Next”.',
    comment: 'Type a comment with the on-screen keyboard, or send without one.',
    thanks: 'Your rating is saved. Touch “Finish” when you are done.',
  },
  idle: {
    title: 'Are you still there?',
    body: 'For your privacy, this screen will start over in {{count}} seconds.',
    continue: 'Continue',
  },
  errors: {
    saveFailed: 'Could not save. Please try again, or ask a member of staff.',
  },
  keys: { backspace: 'Delete', space: 'Space', shift: 'Shift' },
};

export type Messages = typeof en;
