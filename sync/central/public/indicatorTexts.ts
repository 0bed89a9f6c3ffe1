import type { IndicatorId } from '../services/record/indicators.js';
import type { PublicLanguage } from './publicTexts.js';

/** The indicators page's words, Georgian (the default) and English; each indicator as GE0067 states it. */
const ka = {
  title: 'ვალდებულების ინდიკატორები',
  intro:
    'ღია მმართველობის პარტნიორობის ვალდებულება GE0067 ამ ინდიკატორებს ადგენს. აქ თითოეულს თავად პლატფორმა ზომავს ხელმოწერილი საჯარო ჟურნალიდან; ცნობადობა — ცნობადობის გამოკითხვის შედეგია.',
  asOf: (size: number) => `ჟურნალის ${String(size)} ჩანაწერის მიხედვით.`,
  chartTitle: 'მიღწეული სამიზნის პროცენტი',
  columns: ['ინდიკატორი', 'სამიზნე', 'გაზომილი', 'საფუძველი', 'წყაროები'],
  names: {
    'answered-within-24h': 'გამოხმაურებებზე პასუხი 24 საათში',
    'feedback-first-6-months': 'პირველ 6 თვეში მიღებული გამოხმაურებები',
    'processes-held': 'ჩატარებული გამოკითხვები და კენჭისყრები',
    participants: 'მონაწილეები (ფოკუს ჯგუფების ჩათვლით)',
    awareness: 'ცნობადობა ვიზიტორებში',
    'results-published': 'დახურული პროცესები გამოქვეყნებული შედეგებით',
  } satisfies Record<IndicatorId, string>,
  short: {
    'answered-within-24h': 'პასუხი 24 საათში',
    'feedback-first-6-months': 'გამოხმაურება, 6 თვე',
    'processes-held': 'გამოკითხვა და კენჭისყრა',
    participants: 'მონაწილეები',
    awareness: 'ცნობადობა',
    'results-published': 'გამოქვეყნებული შედეგები',
  } satisfies Record<IndicatorId, string>,
  chartNote: 'ჯერ გაუზომავი ინდიკატორები დიაგრამაზე არ არის.',
  atLeast: (value: string) => `მინიმუმ ${value}`,
  about: (value: string) => `დაახლოებით ${value}`,
  notMeasured: 'ჯერ არ იზომება',
  basis: {
    'answered-within-24h': (n: number) => `${String(n)} ვადა დადგა`,
    'feedback-first-6-months': (n: number) => `${String(n)} ჩანაწერი`,
    'processes-held': (n: number) => `${String(n)} პროცესი`,
    participants: (n: number) => `${String(n)} სულ`,
    awareness: (n: number) => `${String(n)} პასუხი`,
    'results-published': (n: number) => `${String(n)} დახურული`,
  } satisfies Record<IndicatorId, (n: number) => string>,
  parts: (submissions: number, focusGroups: number) => `${String(submissions)} ჩანაწერი + ${String(focusGroups)} ფოკუს ჯგუფებში`,
  downloads: 'ჩამოტვირთვა',
  csv: 'CSV',
  json: 'JSON',
  howTitle: 'როგორ ითვლება',
  how: [
    'პასუხი 24 საათში: ვადები, რომლებიც პასუხით დაიფარა (feedback.answered, დრო ≤ dueAt), გაყოფილი ყველა დამდგარ ვადაზე (მათ შორის feedback.overdue).',
    'პირველი 6 თვე: submission.accepted ჩანაწერები (type feedback) ჟურნალის პირველი ჩანაწერიდან 6 თვის განმავლობაში.',
    'გამოკითხვები და კენჭისყრები: გამოქვეყნებული (survey.published, ballot.published). მონაწილეები: მათი submission.accepted ჩანაწერები და ფოკუს ჯგუფების მონაწილეები (focus-group.recorded).',
    'ცნობადობა: ცნობადობის გამოკითხვის კითხვაზე პასუხების წილი, რომელიც „ვიცი“ არჩევანს აღნიშნავს.',
  ],
};

const en: typeof ka = {
  title: "The commitment's indicators",
  intro:
    'Open Government Partnership commitment GE0067 sets these indicators. Here the platform measures each one itself, from the signed public log; awareness is the result of the awareness survey.',
  asOf: (size: number) => `As of the log's first ${String(size)} entries.`,
  chartTitle: 'Share of the target reached',
  columns: ['Indicator', 'Target', 'Measured', 'Basis', 'Sources'],
  names: {
    'answered-within-24h': 'Feedback answered within 24 hours',
    'feedback-first-6-months': 'Feedback received in the first 6 months',
    'processes-held': 'Surveys and votes held',
    participants: 'Participants (focus groups included)',
    awareness: 'Awareness among visitors',
    'results-published': 'Closed processes with their results published',
  },
  short: {
    'answered-within-24h': 'Answered within 24 h',
    'feedback-first-6-months': 'Feedback, 6 months',
    'processes-held': 'Surveys and votes held',
    participants: 'Participants',
    awareness: 'Awareness',
    'results-published': 'Results published',
  },
  chartNote: 'Indicators not measured yet are not in the chart.',
  atLeast: (value: string) => `at least ${value}`,
  about: (value: string) => `about ${value}`,
  notMeasured: 'not measured yet',
  basis: {
    'answered-within-24h': (n: number) => `${String(n)} deadlines due`,
    'feedback-first-6-months': (n: number) => `${String(n)} entries`,
    'processes-held': (n: number) => `${String(n)} processes`,
    participants: (n: number) => `${String(n)} in all`,
    awareness: (n: number) => `${String(n)} answers`,
    'results-published': (n: number) => `${String(n)} closed`,
  },
  parts: (submissions: number, focusGroups: number) => `${String(submissions)} entries + ${String(focusGroups)} in focus groups`,
  downloads: 'Download',
  csv: 'CSV',
  json: 'JSON',
  howTitle: 'How each is counted',
  how: [
    'Answered within 24 hours: deadlines met by an answer (feedback.answered at or before its dueAt), over every deadline that came (feedback.overdue included).',
    "First 6 months: submission.accepted entries of type feedback in the 6 months from the log's first entry.",
    'Surveys and votes held: published ones (survey.published, ballot.published). Participants: their submission.accepted entries, and the participants of focus groups (focus-group.recorded).',
    'Awareness: the share of answers to the awareness survey\'s question that are an "aware" choice.',
  ],
};

export const indicatorTexts = (lang: PublicLanguage): typeof ka => (lang === 'en' ? en : ka);
