import type { PublicLanguage } from './publicTexts.js';

/** The words of the receipt page, in Georgian (the default) and English. */
const ka = {
  title: 'თქვენი ქვითარი',
  recorded: (what: string) => `თქვენი ${what} შეტანილია საჯარო ჩანაწერში.`,
  types: {
    rating: 'შეფასება',
    survey: 'გამოკითხვის პასუხები',
    vote: 'ხმა',
    feedback: 'გამოხმაურება',
    proposal: 'შემოთავაზება',
  } as Record<string, string>,
  what: 'რა',
  entry: 'ჩანაწერის ნომერი',
  received: 'მიღებულია',
  recordedAt: 'დაფიქსირდა კიოსკზე',
  branch: 'ფილიალი',
  counted: 'თქვენი ხმა დათვლილია.',
  notCounted: 'ეს ხმა არ ითვლება: ამ კენჭისყრაში ითვლება იმავე პირის უფრო ადრინდელი ხმა (ერთი ადამიანი, ერთი ხმა).',
  included: (size: number) => `ჩანაწერი შედის ცენტრის მიერ ხელმოწერილ საკონტროლო წერტილში (${String(size)} ჩანაწერი).`,
  witnesses: (count: number) => `ამ საკონტროლო წერტილს ადასტურებს ${String(count)} კიოსკი: მათ ჩანაწერის სხვა ისტორია არ უნახავთ.`,
  pending: 'ჩანაწერი ჯერ არ შედის ხელმოწერილ საკონტროლო წერტილში; ეს ერთ წუთში მოხდება. განაახლეთ გვერდი.',
  privacyTitle: 'რა არ ჩანს',
  privacy:
    'თქვენი პასუხები აქ არ ჩანს და არც საჯარო ჩანაწერშია. ჩანაწერი შეიცავს ვალდებულებას: თქვენი პასუხებისა და ამ ქვითრის კოდის ჰეშს. ' +
    'კოდის გარეშე ვერავინ შეამოწმებს, რა აირჩიეთ.',
  checkTitle: 'შეამოწმეთ თავად',
  checkIntro: 'ნებისმიერს შეუძლია შეამოწმოს მთელი ჩანაწერი და ამ კოდით იპოვოს თქვენი ჩანაწერი:',
  proofTitle: 'მტკიცებულება',
  proofIntro: (index: number, size: number) =>
    `ჩანაწერი ${String(index)} ${String(size)}-ჩანაწერიან ხეში (RFC 6962). ნებისმიერ შესაბამის პროგრამას შეუძლია შეამოწმოს ის ქვემოთ მოცემული საკონტროლო წერტილის მიმართ.`,
  entryBytes: 'ჩანაწერი (კანონიკური JSON)',
  inclusion: 'ჩართვის მტკიცებულება (base64, ქვემოდან ზემოთ)',
  checkpoint: 'ხელმოწერილი საკონტროლო წერტილი',
  notFoundTitle: 'ქვითარი ვერ მოიძებნა',
  notFound: 'ამ კოდით ჩანაწერი ჯერ არ არის. თუ ახლახან გაგზავნეთ, კიოსკი შეიძლება ჯერ კიდევ ხაზგარეშე იყოს: სცადეთ მოგვიანებით.',
  badCode: 'ეს ქვითრის კოდი არ არის: კოდი 20 სიმბოლოსგან შედგება (ასოები და ციფრები).',
};

const en: typeof ka = {
  title: 'Your receipt',
  recorded: (what: string) => `Your ${what} is in the public record.`,
  types: { rating: 'rating', survey: 'survey answers', vote: 'vote', feedback: 'feedback', proposal: 'proposal' },
  what: 'What',
  entry: 'Entry number',
  received: 'Received',
  recordedAt: 'Recorded at the kiosk',
  branch: 'Branch',
  counted: 'Your vote is counted.',
  notCounted: 'This vote is not counted: an earlier vote by the same person in this ballot counts (one person, one vote).',
  included: (size: number) => `The entry is in the checkpoint Central signed, of ${String(size)} entries.`,
  witnesses: (count: number) =>
    `${String(count)} ${count === 1 ? 'kiosk has' : 'kiosks have'} cosigned this checkpoint: none of them has seen another history of the record.`,
  pending: 'The entry is not in a signed checkpoint yet; it will be within a minute. Reload this page.',
  privacyTitle: 'What is not shown',
  privacy:
    'Your answers are not shown here, and they are not in the public record. The entry holds a commitment: a hash of your answers together with this receipt’s code. ' +
    'Without the code, nobody can test what you chose.',
  checkTitle: 'Check it yourself',
  checkIntro: 'Anyone can verify the whole record, and find your entry with this code:',
  proofTitle: 'The proof',
  proofIntro: (index: number, size: number) =>
    `Entry ${String(index)} in a tree of ${String(size)} entries (RFC 6962). Any client of the format can check it against the checkpoint below.`,
  entryBytes: 'The entry (canonical JSON)',
  inclusion: 'Inclusion proof (base64, from the leaf up)',
  checkpoint: 'The signed checkpoint',
  notFoundTitle: 'Receipt not found',
  notFound: 'No entry has this receipt code yet. If you have just submitted, the kiosk may still be offline: try again later.',
  badCode: 'This is not a receipt code: a code has 20 characters (letters and digits).',
};

export const receiptTexts = (lang: PublicLanguage): typeof ka => (lang === 'en' ? en : ka);
