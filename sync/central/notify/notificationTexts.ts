import type { Language } from '../../protocol/languages.js';
import type { CitizenNotificationKind } from '../db/schema.js';

/**
 * What a citizen is told, in the language they used: short enough for two SMS
 * in Georgian (UCS-2: 134 characters with the link), with the tracking code and
 * the status page's link. An e-mail adds the answer itself below the same line.
 */
interface KindTexts {
  readonly brand: string;
  readonly line: Record<CitizenNotificationKind, string>;
  readonly answerHeading: string;
  /** The follow-up by e-mail: no reply to read, so the status page's "it did not help" is the way to say no. */
  /** The e-mail's "was it resolved?": a link for each answer, each opening the status page with that answer ready. */
  readonly followupByEmail: string;
  /** Below every e-mail: the link that stops every message to this contact. */
  readonly stopLine: string;
  /** A proposal's e-mail, when staff accepted it (a rejection carries staff's public reason instead). */
  readonly proposalAccepted: string;
}

const TEXTS: Record<Language, KindTexts> = {
  ka: {
    brand: 'იუსტიციის სახლი',
    line: {
      'feedback-received': 'თქვენი გამოხმაურება {code} მიღებულია. პასუხს 24 საათში გაგცემთ: {link}',
      'feedback-answered': 'თქვენს გამოხმაურებას {code} პასუხი გაეცა: {link}',
      'feedback-reopened': 'თქვენი გამოხმაურება {code} ხელახლა გაიხსნა. პასუხს 24 საათში გაგცემთ: {link}',
      'feedback-followup': 'მოგვარდა თქვენი საკითხი ({code})? უპასუხეთ 1 – დიახ, 2 – არა. {link}',
      'proposal-decided': 'თქვენს შემოთავაზებაზე {code} გადაწყვეტილება მიღებულია: {link}',
    },
    answerHeading: 'პასუხი:',
    followupByEmail: 'მოგვარდა თქვენი საკითხი ({code})?\nდიახ: {yes}\nარა, გახსენით ხელახლა: {no}',
    stopLine: 'შეტყობინებების შესაწყვეტად: {stop}',
    proposalAccepted: 'თქვენი შემოთავაზება მიღებულია და კენჭისყრაზე ინიციატივად გავა.',
  },
  en: {
    brand: 'Public Service Hall',
    line: {
      'feedback-received': 'Your feedback {code} was received. We answer within 24 hours: {link}',
      'feedback-answered': 'Your feedback {code} has been answered: {link}',
      'feedback-reopened': 'Your feedback {code} is open again. We answer within 24 hours: {link}',
      'feedback-followup': 'Was your feedback {code} resolved? Reply 1 for yes, 2 for no. {link}',
      'proposal-decided': 'A decision was made on your proposal {code}: {link}',
    },
    answerHeading: 'The answer:',
    followupByEmail: 'Was your feedback {code} resolved?\nYes: {yes}\nNo, open it again: {no}',
    stopLine: 'To stop these messages: {stop}',
    proposalAccepted: 'Your proposal was accepted: it goes to the vote as an initiative.',
  },
  ru: {
    brand: 'Дом юстиции',
    line: {
      'feedback-received': 'Ваш отзыв {code} получен. Ответим в течение 24 часов: {link}',
      'feedback-answered': 'На ваш отзыв {code} дан ответ: {link}',
      'feedback-reopened': 'Ваш отзыв {code} снова открыт. Ответим в течение 24 часов: {link}',
      'feedback-followup': 'Вопрос по отзыву {code} решён? Ответьте 1 – да, 2 – нет. {link}',
      'proposal-decided': 'По вашему предложению {code} принято решение: {link}',
    },
    answerHeading: 'Ответ:',
    followupByEmail: 'Вопрос по отзыву {code} решён?\nДа: {yes}\nНет, откройте снова: {no}',
    stopLine: 'Чтобы больше не получать сообщения: {stop}',
    proposalAccepted: 'Ваше предложение принято: оно выносится на голосование как инициатива.',
  },
  az: {
    brand: 'Ədliyyə evi',
    line: {
      'feedback-received': '{code} nömrəli rəyiniz qəbul edildi. 24 saat ərzində cavab verəcəyik: {link}',
      'feedback-answered': '{code} nömrəli rəyinizə cavab verildi: {link}',
      'feedback-reopened': '{code} nömrəli rəyiniz yenidən açıldı. 24 saat ərzində cavab verəcəyik: {link}',
      'feedback-followup': '{code} nömrəli rəyiniz həll olundu? Cavab verin: 1 – bəli, 2 – xeyr. {link}',
      'proposal-decided': '{code} nömrəli təklifiniz üzrə qərar verildi: {link}',
    },
    answerHeading: 'Cavab:',
    followupByEmail: '{code} nömrəli rəyiniz həll olundu?\nBəli: {yes}\nXeyr, yenidən açın: {no}',
    stopLine: 'Mesajları dayandırmaq üçün: {stop}',
    proposalAccepted: 'Təklifiniz qəbul edildi: təşəbbüs kimi səsverməyə çıxarılır.',
  },
  hy: {
    brand: 'Արդարադատության տուն',
    line: {
      'feedback-received': 'Ձեր արձագանքը {code} ստացվել է։ Կպատասխանենք 24 ժամում՝ {link}',
      'feedback-answered': 'Ձեր արձագանքին {code} պատասխան է տրվել՝ {link}',
      'feedback-reopened': 'Ձեր արձագանքը {code} կրկին բացվել է։ Կպատասխանենք 24 ժամում՝ {link}',
      'feedback-followup': 'Ձեր հարցը ({code}) լուծվե՞լ է։ Պատասխանեք 1՝ այո, 2՝ ոչ։ {link}',
      'proposal-decided': 'Ձեր առաջարկի {code} վերաբերյալ որոշում է կայացվել՝ {link}',
    },
    answerHeading: 'Պատասխանը՝',
    followupByEmail: 'Ձեր հարցը ({code}) լուծվե՞լ է։\nԱյո՝ {yes}\nՈչ, կրկին բացեք՝ {no}',
    stopLine: 'Հաղորդագրությունները դադարեցնելու համար՝ {stop}',
    proposalAccepted: 'Ձեր առաջարկն ընդունվել է․ այն քվեարկության է դրվում որպես նախաձեռնություն։',
  },
};

const textsOf = (language: string): KindTexts => TEXTS[language as Language] ?? TEXTS.ka;

export interface NotificationContent {
  readonly kind: CitizenNotificationKind;
  readonly code: string;
  readonly language: string;
  /** The status page a citizen follows: `<public url>/feedback/<code>`. */
  readonly link: string;
  /** The latest answer, for an e-mail about an answer; a rejected proposal's public reason. */
  readonly answer?: string | undefined;
  /** A proposal accepted into a ballot: its e-mail says so in the citizen's language. */
  readonly accepted?: boolean;
}

const fill = (template: string, content: NotificationContent): string =>
  template
    .replace('{code}', content.code)
    .replace('{link}', content.link)
    .replace('{yes}', `${content.link}?resolved=yes#resolved`)
    .replace('{no}', `${content.link}?resolved=no#resolved`)
    .replace('{stop}', `${content.link}#stop`);
const lineOf = (content: NotificationContent): string => fill(textsOf(content.language).line[content.kind], content);

/** The SMS: the brand, then the line. */
export const smsText = (content: NotificationContent): string => `${textsOf(content.language).brand}: ${lineOf(content)}`;

/** The e-mail: the same line as its subject's source, and the answer itself when there is one. */
export function emailOf(content: NotificationContent): { readonly subject: string; readonly text: string } {
  const texts = textsOf(content.language);
  const subject = `${texts.brand}: ${content.code}`;
  const stop = `\n\n${fill(texts.stopLine, content)}\n`;
  if (content.kind === 'feedback-followup') return { subject, text: `${fill(texts.followupByEmail, content)}${stop}` };
  const said = content.accepted ? texts.proposalAccepted : content.answer;
  const answer = said ? `\n\n${texts.answerHeading}\n${said}` : '';
  return { subject, text: `${lineOf(content)}${answer}${stop}` };
}
