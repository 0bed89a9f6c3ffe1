import type { PublicLanguage } from './publicTexts.js';

/** The words of the public record's home page, in Georgian (the default) and English. */
const ka = {
  title: 'საჯარო ჩანაწერი',
  intro:
    'ყოველი პროცესის ყოველი ნაბიჯი — მიღებული განაცხადი, გამოქვეყნებული გამოკითხვა, პასუხი გამოხმაურებაზე, გადაწყვეტილება — ' +
    'არის ჩანაწერი ჟურნალში, რომელსაც მხოლოდ ემატება. მისი შემოწმება ნებისმიერს შეუძლია, იუსტიციის სახლის ნდობის გარეშე.',
  logTitle: 'ჟურნალი ახლა',
  entries: 'ჩანაწერები',
  signedAt: 'ბოლო საკონტროლო წერტილი ხელმოწერილია',
  witnesses: 'კიოსკები, რომლებმაც ის დაადასტურეს',
  lastWitnessed: (size: number, count: number) =>
    `ბოლოს დადასტურებული საკონტროლო წერტილი: ${String(size)} ჩანაწერი, ${String(count)} კიოსკი.`,
  witnessNote: 'ყოველი კიოსკი ყოველ სინქრონიზაციაზე ამოწმებს, რომ ჟურნალი მხოლოდ გაიზარდა, და ხელს აწერს მას (C2SP cosignature/v1).',
  files: 'ფაილები (C2SP tlog-tiles)',
  checkpoint: 'ხელმოწერილი საკონტროლო წერტილი',
  key: 'ჟურნალის გასაღები',
  checkTitle: 'შეამოწმეთ თავად',
  checkIntro: 'ეს ბრძანება ამოწმებს ხელმოწერას, ყოველ ჩანაწერს და იმას, რომ ჟურნალი წინა შემოწმების შემდეგ მხოლოდ გაიზარდა:',
  processesTitle: 'პროცესები',
  process: 'პროცესი',
  kind: 'სახე',
  survey: 'გამოკითხვა',
  ballot: 'კენჭისყრა',
  status: 'სტატუსი',
  participation: 'მონაწილეობა (ჩანაწერები)',
  upcoming: (date: string) => `იხსნება ${date}`,
  open: (date: string) => `ღიაა ${date}-მდე`,
  closed: (date: string) => `დაიხურა ${date}`,
  resultsPublished: 'შედეგები გამოქვეყნებულია',
  accepted: 'მიღებულია, გახდა ინიციატივა',
  rejected: 'უარყოფილია',
  pending: 'განხილვაშია',
  answeredInTime: (inTime: number, due: number) => `ვადაგასული ${String(due)}-დან ${String(inTime)} პასუხი 24 საათში`,
  indicators: 'ვალდებულების ინდიკატორები',
  none: 'ჯერ არაფერი.',
};

const en: typeof ka = {
  title: 'Public record',
  intro:
    'Every step of every process — a submission received, a survey published, an answer to feedback, a decision — is an entry of a log ' +
    'that is only ever appended to. Anyone can check it, without trusting the Public Service Hall.',
  logTitle: 'The log now',
  entries: 'Entries',
  signedAt: 'Latest checkpoint signed',
  witnesses: 'Kiosks that cosigned it',
  lastWitnessed: (size: number, count: number) => `Latest cosigned checkpoint: ${String(size)} entries, by ${String(count)} kiosks.`,
  witnessNote: 'On every sync, each kiosk checks that the log only grew since it last looked, and cosigns it (C2SP cosignature/v1).',
  files: 'Files (C2SP tlog-tiles)',
  checkpoint: 'The signed checkpoint',
  key: "The log's key",
  checkTitle: 'Check it yourself',
  checkIntro: 'This command checks the signature, every entry, and that the log only grew since the last time it checked:',
  processesTitle: 'Processes',
  process: 'Process',
  kind: 'Kind',
  survey: 'Survey',
  ballot: 'Vote',
  status: 'Status',
  participation: 'Participation (entries)',
  upcoming: (date: string) => `Opens ${date}`,
  open: (date: string) => `Open until ${date}`,
  closed: (date: string) => `Closed ${date}`,
  resultsPublished: 'results published',
  accepted: 'accepted, became an initiative',
  rejected: 'rejected',
  pending: 'under review',
  answeredInTime: (inTime: number, due: number) => `${String(inTime)} of ${String(due)} due answered within 24 h`,
  indicators: "The commitment's indicators",
  none: 'Nothing yet.',
};

export const recordTexts = (lang: PublicLanguage): typeof ka => (lang === 'en' ? en : ka);
