import type { Language } from '../../sync/protocol/languages.js';

/**
 * What each sign on the on-screen keyboards is called aloud, in each voice:
 * eSpeak says nothing, or another language's word, for most of them ("„",
 * "[", "₾"), and a key heard as "…, button" cannot be typed by ear. Letters
 * and digits say themselves; these are the rest of the kiosk's layouts.
 */
const SIGN_NAMES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  '„': { ka: 'ქვედა ბრჭყალი', en: 'low quotation mark', ru: 'нижняя кавычка', az: 'alt dırnaq', hy: 'ներքևի չակերտ' },
  '“': { ka: 'ზედა ბრჭყალი', en: 'quotation mark', ru: 'верхняя кавычка', az: 'üst dırnaq', hy: 'վերևի չակերտ' },
  '"': { ka: 'ბრჭყალი', en: 'double quote', ru: 'кавычка', az: 'dırnaq işarəsi', hy: 'չակերտ' },
  "'": { ka: 'აპოსტროფი', en: 'apostrophe', ru: 'апостроф', az: 'apostrof', hy: 'ապաթարց' },
  '«': { ka: 'გამხსნელი კუთხური ბრჭყალი', en: 'left guillemet', ru: 'открывающая кавычка', az: 'açılan dırnaq', hy: 'բացվող չակերտ' },
  '»': { ka: 'დამხურავი კუთხური ბრჭყალი', en: 'right guillemet', ru: 'закрывающая кавычка', az: 'bağlanan dırnaq', hy: 'փակվող չակերտ' },
  '`': { ka: 'უკუაპოსტროფი', en: 'backtick', ru: 'обратный апостроф', az: 'tərs apostrof', hy: 'հակառակ ապաթարց' },
  '-': { ka: 'დეფისი', en: 'hyphen', ru: 'дефис', az: 'defis', hy: 'գծիկ' },
  _: { ka: 'ქვედა ტირე', en: 'underscore', ru: 'подчёркивание', az: 'alt xətt', hy: 'ընդգծում' },
  '=': { ka: 'ტოლობის ნიშანი', en: 'equals', ru: 'равно', az: 'bərabərdir', hy: 'հավասար' },
  '+': { ka: 'პლუსი', en: 'plus', ru: 'плюс', az: 'üstəgəl', hy: 'գումարած' },
  '(': { ka: 'გამხსნელი ფრჩხილი', en: 'left parenthesis', ru: 'открывающая скобка', az: 'açılan mötərizə', hy: 'բացվող փակագիծ' },
  ')': { ka: 'დამხურავი ფრჩხილი', en: 'right parenthesis', ru: 'закрывающая скобка', az: 'bağlanan mötərizə', hy: 'փակվող փակագիծ' },
  '[': {
    ka: 'გამხსნელი კვადრატული ფრჩხილი',
    en: 'left square bracket',
    ru: 'открывающая квадратная скобка',
    az: 'açılan kvadrat mötərizə',
    hy: 'բացվող քառակուսի փակագիծ',
  },
  ']': {
    ka: 'დამხურავი კვადრატული ფრჩხილი',
    en: 'right square bracket',
    ru: 'закрывающая квадратная скобка',
    az: 'bağlanan kvadrat mötərizə',
    hy: 'փակվող քառակուսի փակագիծ',
  },
  '{': {
    ka: 'გამხსნელი ფიგურული ფრჩხილი',
    en: 'left brace',
    ru: 'открывающая фигурная скобка',
    az: 'açılan fiqurlu mötərizə',
    hy: 'բացվող ձևավոր փակագիծ',
  },
  '}': {
    ka: 'დამხურავი ფიგურული ფრჩხილი',
    en: 'right brace',
    ru: 'закрывающая фигурная скобка',
    az: 'bağlanan fiqurlu mötərizə',
    hy: 'փակվող ձևավոր փակագիծ',
  },
  '<': { ka: 'ნაკლებობის ნიშანი', en: 'less than', ru: 'меньше', az: 'kiçikdir', hy: 'փոքր է' },
  '>': { ka: 'მეტობის ნიშანი', en: 'greater than', ru: 'больше', az: 'böyükdür', hy: 'մեծ է' },
  '/': { ka: 'დახრილი ხაზი', en: 'slash', ru: 'косая черта', az: 'çəp xətt', hy: 'շեղ գիծ' },
  '\\': { ka: 'უკუდახრილი ხაზი', en: 'backslash', ru: 'обратная косая черта', az: 'tərs çəp xətt', hy: 'հետշեղ գիծ' },
  '|': { ka: 'ვერტიკალური ხაზი', en: 'vertical bar', ru: 'вертикальная черта', az: 'şaquli xətt', hy: 'ուղղահայաց գիծ' },
  ';': { ka: 'წერტილმძიმე', en: 'semicolon', ru: 'точка с запятой', az: 'nöqtəli vergül', hy: 'կետ-ստորակետ' },
  ':': { ka: 'ორწერტილი', en: 'colon', ru: 'двоеточие', az: 'iki nöqtə', hy: 'երկու կետ' },
  ',': { ka: 'მძიმე', en: 'comma', ru: 'запятая', az: 'vergül', hy: 'ստորակետ' },
  '.': { ka: 'წერტილი', en: 'full stop', ru: 'точка', az: 'nöqtə', hy: 'կետ' },
  '!': { ka: 'ძახილის ნიშანი', en: 'exclamation mark', ru: 'восклицательный знак', az: 'nida işarəsi', hy: 'բացականչական նշան' },
  '?': { ka: 'კითხვის ნიშანი', en: 'question mark', ru: 'вопросительный знак', az: 'sual işarəsi', hy: 'հարցական նշան' },
  '@': { ka: 'ძაღლუკა', en: 'at sign', ru: 'собака', az: 'et işarəsi', hy: 'շնիկ' },
  '#': { ka: 'დიეზი', en: 'number sign', ru: 'решётка', az: 'şəbəkə işarəsi', hy: 'վանդականիշ' },
  '№': { ka: 'ნომრის ნიშანი', en: 'numero sign', ru: 'знак номера', az: 'nömrə işarəsi', hy: 'համարանիշ' },
  $: { ka: 'დოლარი', en: 'dollar', ru: 'доллар', az: 'dollar', hy: 'դոլար' },
  '₾': { ka: 'ლარი', en: 'lari', ru: 'лари', az: 'lari', hy: 'լարի' },
  '%': { ka: 'პროცენტი', en: 'percent', ru: 'процент', az: 'faiz', hy: 'տոկոս' },
  '^': { ka: 'ქუდი', en: 'caret', ru: 'циркумфлекс', az: 'şapka işarəsi', hy: 'գլխարկ' },
  '&': { ka: 'ამპერსანდი', en: 'ampersand', ru: 'амперсанд', az: 'ampersand', hy: 'ամպերսանդ' },
  '*': { ka: 'ვარსკვლავი', en: 'asterisk', ru: 'звёздочка', az: 'ulduz', hy: 'աստղանիշ' },
  '~': { ka: 'ტილდა', en: 'tilde', ru: 'тильда', az: 'tilda', hy: 'ալիքանիշ' },
  '՝': { ka: 'სომხური მძიმე', en: 'Armenian comma', ru: 'армянская запятая', az: 'erməni vergülü', hy: 'բութ' },
  '՛': { ka: 'სომხური მახვილი', en: 'Armenian emphasis mark', ru: 'армянский знак ударения', az: 'erməni vurğu işarəsi', hy: 'շեշտ' },
  '՜': {
    ka: 'სომხური ძახილის ნიშანი',
    en: 'Armenian exclamation mark',
    ru: 'армянский восклицательный знак',
    az: 'erməni nida işarəsi',
    hy: 'բացականչական նշան',
  },
  '՞': {
    ka: 'სომხური კითხვის ნიშანი',
    en: 'Armenian question mark',
    ru: 'армянский вопросительный знак',
    az: 'erməni sual işarəsi',
    hy: 'հարցական նշան',
  },
};

/** A sign's spoken name in `language`; undefined for a letter or digit, which says itself. */
export const signName = (key: string, language: Language): string | undefined => SIGN_NAMES[key]?.[language];

/** Every sign that has a name (a test checks the layouts hold no other). */
export const NAMED_SIGNS: readonly string[] = Object.keys(SIGN_NAMES);

/**
 * The voice a letter is read in when the screen's own voice would misread it:
 * a Latin "x" on a Georgian screen is read by the English voice (the
 * Azerbaijani one on an Azerbaijani screen, whose letters are Latin).
 */
export function letterLanguage(key: string, screen: Language): Language | undefined {
  if (!/^\p{L}$/u.test(key)) return undefined;
  const script: Language = /\p{Script=Georgian}/u.test(key)
    ? 'ka'
    : /\p{Script=Cyrillic}/u.test(key)
      ? 'ru'
      : /\p{Script=Armenian}/u.test(key)
        ? 'hy'
        : screen === 'az'
          ? 'az'
          : 'en';
  return script === screen ? undefined : script;
}
