import type { ContentPack } from '../../sync/protocol/contentPack.js';
import { demoSurvey } from './demoSurvey.js';
import { demoBallot } from './demoBallot.js';

/**
 * The demo content pack: what Central publishes as version 1 on a fresh
 * install, and what a kiosk shows before its first successful sync.
 */
export const demoContentPack: ContentPack = {
  version: 1,
  publishedAt: '2026-11-01T08:00:00.000Z',
  services: [
    {
      id: 'civil-registry',
      name: {
        ka: 'სამოქალაქო რეესტრი',
        en: 'Civil registry',
        ru: 'Гражданский реестр',
        az: 'Vətəndaş reyestri',
        hy: 'Քաղաքացիական ռեգիստր',
      },
    },
    {
      id: 'id-passport',
      name: {
        ka: 'პირადობის მოწმობა და პასპორტი',
        en: 'ID card and passport',
        ru: 'Удостоверение личности и паспорт',
        az: 'Şəxsiyyət vəsiqəsi və pasport',
        hy: 'Նույնականացման քարտ և անձնագիր',
      },
    },
    {
      id: 'property-registration',
      name: {
        ka: 'საკუთრების რეგისტრაცია',
        en: 'Property registration',
        ru: 'Регистрация собственности',
        az: 'Mülkiyyətin qeydiyyatı',
        hy: 'Սեփականության գրանցում',
      },
    },
    {
      id: 'business-registration',
      name: {
        ka: 'ბიზნესის რეგისტრაცია',
        en: 'Business registration',
        ru: 'Регистрация бизнеса',
        az: 'Biznesin qeydiyyatı',
        hy: 'Բիզնեսի գրանցում',
      },
    },
  ],
  rating: {
    question: {
      ka: 'როგორ შეაფასებდით მიღებულ მომსახურებას?',
      en: 'How would you rate the service you received?',
      ru: 'Как вы оцениваете полученную услугу?',
      az: 'Aldığınız xidməti necə qiymətləndirirsiniz?',
      hy: 'Ինչպե՞ս կգնահատեք ստացած ծառայությունը',
    },
    labels: [
      { ka: 'ძალიან ცუდი', en: 'Very bad', ru: 'Очень плохо', az: 'Çox pis', hy: 'Շատ վատ' },
      { ka: 'ცუდი', en: 'Bad', ru: 'Плохо', az: 'Pis', hy: 'Վատ' },
      { ka: 'საშუალო', en: 'Average', ru: 'Нормально', az: 'Orta', hy: 'Միջին' },
      { ka: 'კარგი', en: 'Good', ru: 'Хорошо', az: 'Yaxşı', hy: 'Լավ' },
      { ka: 'ძალიან კარგი', en: 'Very good', ru: 'Отлично', az: 'Çox yaxşı', hy: 'Շատ լավ' },
    ],
    commentPrompt: {
      ka: 'გსურთ რამის დამატება? (არასავალდებულო)',
      en: 'Would you like to add anything? (optional)',
      ru: 'Хотите что-нибудь добавить? (необязательно)',
      az: 'Əlavə etmək istədiyiniz bir şey varmı? (istəyə bağlı)',
      hy: 'Կցանկանա՞ք որևէ բան ավելացնել (ըստ ցանկության)',
    },
  },
  surveys: [demoSurvey],
  ballots: [demoBallot],
  results: [],
};
