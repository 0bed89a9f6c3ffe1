/**
 * What Central's services may refuse in staff work (deciding a proposal,
 * publishing results), in both console languages: a refusal carries its
 * code, and each page words it in its reader's language. Refusals that only a
 * machine meets (the kiosk API) or that quote a technical source (a content
 * JSON's own paths) keep their English message alone.
 */
export interface ProblemParams {
  /** A proposal's decided status: accepted or rejected. */
  readonly status?: string;
  /** survey or ballot */
  readonly kind?: string;
}

const en = {
  proposalUnknown: () => 'No proposal has this code',
  proposalDecided: ({ status }: ProblemParams) => `This proposal was already ${status ?? 'decided'}`,
  proposalNotPending: () => 'No pending proposal has this code',
  ballotNotCurrent: () => 'ballot: choose a ballot of the current content',
  ballotFull: () => 'ballot: it already has 30 initiatives',
  initiativeGeorgianRequired: () => 'title and description: the Georgian text is required',
  reasonRequired: () => 'reason: a public reason is required',
  noContent: () => 'no content pack has been published',
  unknownItem: ({ kind }: ProblemParams) => `no ${kind ?? 'survey or ballot'} with this id`,
  nextStepsGeorgianRequired: () => 'what happens next: the Georgian text is required',
  staffEmailInvalid: () => 'e-mail: an address, e.g. nino@psh.gov.ge',
  feedbackUnknown: () => 'No feedback has this code',
  feedbackNotPossible: () => 'That is not possible in the current status.',
};

export type ProblemCode = keyof typeof en;

const ka: Record<ProblemCode, (params: ProblemParams) => string> = {
  proposalUnknown: () => 'ამ კოდით შემოთავაზება არ მოიძებნა',
  proposalDecided: ({ status }) => (status === 'rejected' ? 'ეს შემოთავაზება უკვე უარყოფილია' : 'ეს შემოთავაზება უკვე მიღებულია'),
  proposalNotPending: () => 'ამ კოდით განსახილველი შემოთავაზება არ მოიძებნა',
  ballotNotCurrent: () => 'კენჭისყრა: აირჩიეთ მიმდინარე შინაარსის პაკეტის კენჭისყრა',
  ballotFull: () => 'კენჭისყრა: მასში უკვე 30 ინიციატივაა',
  initiativeGeorgianRequired: () => 'სათაური და აღწერა: ქართული ტექსტი სავალდებულოა',
  reasonRequired: () => 'მიზეზი: საჯარო მიზეზის მითითება სავალდებულოა',
  noContent: () => 'შინაარსის პაკეტი ჯერ არ გამოქვეყნებულა',
  unknownItem: ({ kind }) => (kind === 'ballot' ? 'ამ id-ით კენჭისყრა არ არსებობს' : 'ამ id-ით გამოკითხვა არ არსებობს'),
  nextStepsGeorgianRequired: () => 'რა მოხდება შემდეგ: ქართული ტექსტი სავალდებულოა',
  staffEmailInvalid: () => 'ელფოსტა: მიუთითეთ მისამართი, მაგ. nino@psh.gov.ge',
  feedbackUnknown: () => 'ამ კოდით უკუკავშირი არ მოიძებნა',
  feedbackNotPossible: () => 'მიმდინარე სტატუსში ეს შეუძლებელია.',
};

export const PROBLEM_TEXTS: Readonly<Record<'en' | 'ka', Record<ProblemCode, (params: ProblemParams) => string>>> = { en, ka };
