import type { Survey } from '../../sync/protocol/survey.js';

/**
 * The demo survey of `npm start`: which new services PSH should introduce
 * first, ranked, with a skip rule (online services are rated only by those
 * who used them). Georgian and English; other languages fall back to Georgian.
 */
export const demoSurvey: Survey = {
  id: 'new-services-2027',
  title: { ka: 'რომელი ახალი სერვისები დავნერგოთ?', en: 'Which new services should come first?' },
  intro: {
    ka: '7 კითხვა, დაახლოებით 2 წუთი. თქვენი პასუხები განსაზღვრავს, რა რიგით დაინერგება ახალი სერვისები.',
    en: '7 questions, about 2 minutes. Your answers decide the order in which new services are introduced.',
  },
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2027-06-30T20:00:00.000Z',
  branches: [],
  channels: ['kiosk', 'web'],
  questions: [
    {
      id: 'visits',
      type: 'single',
      required: true,
      text: { ka: 'რამდენად ხშირად სტუმრობთ იუსტიციის სახლს?', en: 'How often do you visit the Public Service Hall?' },
      choices: [
        { id: 'monthly', label: { ka: 'თვეში ერთხელ ან უფრო ხშირად', en: 'Once a month or more' } },
        { id: 'yearly', label: { ka: 'წელიწადში რამდენჯერმე', en: 'A few times a year' } },
        { id: 'first', label: { ka: 'იშვიათად ან პირველად', en: 'Rarely, or this is my first time' } },
      ],
    },
    {
      id: 'online',
      type: 'yesno',
      required: true,
      text: { ka: 'გამოგიყენებიათ ჩვენი ონლაინ სერვისები?', en: 'Have you used our online services?' },
    },
    {
      id: 'online-rating',
      type: 'rating',
      scale: 5,
      required: true,
      showIf: { questionId: 'online', anyOf: ['yes'] },
      text: {
        ka: 'როგორ შეაფასებდით ონლაინ სერვისებს? (1 = ცუდი, 5 = ძალიან კარგი)',
        en: 'How would you rate the online services? (1 = poor, 5 = very good)',
      },
    },
    {
      id: 'priorities',
      type: 'ranking',
      required: true,
      text: {
        ka: 'დაალაგეთ ახალი სერვისები (პირველი — ყველაზე მნიშვნელოვანი)',
        en: 'Put the new services in order (the first matters most to you)',
      },
      choices: [
        { id: 'online-queue', label: { ka: 'რიგში ონლაინ ჩაწერა', en: 'Booking a queue slot online' } },
        { id: 'home-delivery', label: { ka: 'დოკუმენტების მიტანა სახლში', en: 'Documents delivered to your home' } },
        { id: 'mobile-office', label: { ka: 'მობილური ოფისი სოფლებში', en: 'A mobile office visiting villages' } },
        { id: 'sign-language', label: { ka: 'ჟესტური ენის ვიდეოთარჯიმანი', en: 'A sign-language video interpreter' } },
        { id: 'evening-hours', label: { ka: 'საღამოს სამუშაო საათები', en: 'Evening opening hours' } },
      ],
    },
    {
      id: 'informed',
      type: 'multiple',
      required: true,
      min: 1,
      max: 2,
      text: { ka: 'როგორ გსურთ სიახლეების გაგება? (მაქსიმუმ 2)', en: 'How would you like to hear about new services? (up to 2)' },
      choices: [
        { id: 'sms', label: { ka: 'SMS', en: 'Text message' } },
        { id: 'email', label: { ka: 'ელფოსტა', en: 'E-mail' } },
        { id: 'website', label: { ka: 'ვებგვერდი', en: 'The website' } },
        { id: 'branch', label: { ka: 'ფილიალში', en: 'At the branch' } },
      ],
    },
    { id: 'today', type: 'smiley', required: false, text: { ka: 'როგორ შეაფასებდით დღევანდელ ვიზიტს?', en: 'How was your visit today?' } },
    {
      id: 'comment',
      type: 'text',
      required: false,
      maxLength: 1000,
      text: { ka: 'სხვა იდეა ან კომენტარი? (არასავალდებულო)', en: 'Any other idea or comment? (optional)' },
    },
  ],
};
