import type { Language } from '../../protocol/languages.js';
import { az } from '../../texts/az.js';
import { en, type Messages } from '../../texts/en.js';
import { hy } from '../../texts/hy.js';
import { ka } from '../../texts/ka.js';
import { ru } from '../../texts/ru.js';

/**
 * The words of the phone pages that the kiosk does not have (a page, not a
 * screen: links, a language list, form errors). The flows' own words (the
 * rating, feedback and survey texts) are the kiosk's, from sync/texts, so a
 * question reads the same on the kiosk and on the phone.
 */
const enPhone = {
  siteName: 'Public Service Hall',
  skip: 'Skip to main content',
  languages: 'Language',
  desk: (code: string, branch: string) => `Desk ${code}, ${branch}`,
  deskIntro: 'You opened this page with the QR code on the desk. What would you like to do?',
  unknownDesk: 'No desk has this code. Check the code printed on the card.',
  unknownDeskTitle: 'Desk not found',
  continue: 'Continue',
  back: 'Back',
  optional: '(optional)',
  problemTitle: 'There is a problem',
  expiredTitle: 'This page has expired',
  expired: 'For your safety, this form can be sent only once and only from this site. Start again from the desk page.',
  backToDesk: 'Back to the desk page',
  question: (index: number, total: number) => `Question ${index} of ${total}`,
  rankingOrder: 'Your order',
  chooseKind: 'Choose what kind of feedback you are leaving.',
  chooseService: 'Choose the service your feedback is about.',
  writeMessage: 'Write your message.',
  contactConsent: 'Tick the box to agree to be contacted, or leave the contact empty.',
  reference: 'Your confirmation code',
  whatNext: 'What happens next',
  feedbackNext: 'The Public Service Hall answers within 24 hours. Keep your code: the answer appears on your feedback’s page.',
  voteNext: 'When the vote closes, its results are published with what happens next.',
  voteNotCounted:
    'Your earlier vote on this ballot is the one that counts. This one is kept in the public record as a repeat, not counted.',
  tooManyVotes: 'Too many votes have come from this connection in the last minute. Please try again in a minute.',
  personalNumberError: 'A personal number has 11 digits.',
  proposalNext: 'Staff review every proposal: accepted ones become initiatives that everyone can vote on. Keep your code to follow yours.',
  followProposal: 'Follow your proposal',
  ratingNext: 'Your rating is counted in the figures of this desk’s service. Thank you.',
  surveyNext: 'When the survey closes, its results are published with what happens next.',
  receiptLink: 'Your receipt in the public record',
  followLink: 'Follow your feedback',
  surveyAnswersTitle: 'Check your answers',
  largeText: 'Large text',
  highContrast: 'High contrast',
  on: 'on',
  off: 'off',
  display: 'Display',
  notSent: 'This could not be sent:',
  contactHelp: 'Only the team answering your feedback can see it: it is encrypted as soon as it reaches us.',
  writeAnswer: 'Write your answer, or leave it empty if the question is optional.',
};
export type PhoneWords = typeof enPhone;

const kaPhone: PhoneWords = {
  siteName: 'იუსტიციის სახლი',
  skip: 'მთავარ შინაარსზე გადასვლა',
  languages: 'ენა',
  desk: (code, branch) => `სარკმელი ${code}, ${branch}`,
  deskIntro: 'ეს გვერდი სარკმელზე განთავსებული QR კოდით გახსენით. რისი გაკეთება გსურთ?',
  unknownDesk: 'ასეთი კოდის სარკმელი არ არსებობს. შეამოწმეთ ბარათზე დაბეჭდილი კოდი.',
  unknownDeskTitle: 'სარკმელი ვერ მოიძებნა',
  continue: 'გაგრძელება',
  back: 'უკან',
  optional: '(არასავალდებულო)',
  problemTitle: 'დაფიქსირდა პრობლემა',
  expiredTitle: 'ამ გვერდს ვადა გაუვიდა',
  expired: 'თქვენი უსაფრთხოებისთვის ეს ფორმა მხოლოდ ერთხელ და მხოლოდ ამ საიტიდან იგზავნება. დაიწყეთ თავიდან სარკმლის გვერდიდან.',
  backToDesk: 'სარკმლის გვერდზე დაბრუნება',
  question: (index, total) => `კითხვა ${index} / ${total}`,
  rankingOrder: 'თქვენი რიგი',
  chooseKind: 'აირჩიეთ უკუკავშირის სახე.',
  chooseService: 'აირჩიეთ სერვისი, რომელსაც ეხება თქვენი უკუკავშირი.',
  writeMessage: 'დაწერეთ თქვენი შეტყობინება.',
  contactConsent: 'მონიშნეთ თანხმობა დაკავშირებაზე, ან საკონტაქტო ველი დატოვეთ ცარიელი.',
  reference: 'თქვენი დადასტურების კოდი',
  whatNext: 'რა მოხდება შემდეგ',
  feedbackNext: 'იუსტიციის სახლი პასუხობს 24 საათის განმავლობაში. შეინახეთ კოდი: პასუხი გამოჩნდება თქვენი უკუკავშირის გვერდზე.',
  voteNext: 'კენჭისყრის დასრულების შემდეგ მისი შედეგები და შემდეგი ნაბიჯები გამოქვეყნდება.',
  voteNotCounted: 'ამ კენჭისყრაში ითვლება თქვენი ადრინდელი ხმა. ეს ხმა საჯარო ჩანაწერში განმეორებით ხმად ინახება და არ ითვლება.',
  tooManyVotes: 'ამ კავშირიდან ბოლო წუთში ძალიან ბევრი ხმა შემოვიდა. გთხოვთ, სცადოთ ერთ წუთში.',
  personalNumberError: 'პირადი ნომერი 11 ციფრისგან შედგება.',
  proposalNext:
    'თანამშრომლები განიხილავენ ყველა შემოთავაზებას: მიღებული შემოთავაზებები ხდება ინიციატივები, რომლებსაც ყველას შეუძლია ხმა მისცეს. შეინახეთ კოდი, რომ თვალი ადევნოთ თქვენსას.',
  followProposal: 'თვალი ადევნეთ თქვენს შემოთავაზებას',
  ratingNext: 'თქვენი შეფასება აისახება ამ სარკმლის სერვისის მაჩვენებლებში. გმადლობთ.',
  surveyNext: 'გამოკითხვის დასრულების შემდეგ მისი შედეგები და შემდეგი ნაბიჯები გამოქვეყნდება.',
  receiptLink: 'თქვენი ქვითარი საჯარო ჩანაწერში',
  followLink: 'თვალი ადევნეთ თქვენს უკუკავშირს',
  surveyAnswersTitle: 'შეამოწმეთ პასუხები',
  largeText: 'დიდი ტექსტი',
  highContrast: 'მაღალი კონტრასტი',
  on: 'ჩართულია',
  off: 'გამორთულია',
  display: 'ეკრანი',
  notSent: 'ვერ გაიგზავნა:',
  contactHelp: 'მას ხედავს მხოლოდ ის გუნდი, რომელიც თქვენს უკუკავშირს პასუხობს: ჩვენთან მოსვლისთანავე იშიფრება.',
  writeAnswer: 'დაწერეთ პასუხი, ან დატოვეთ ცარიელი, თუ კითხვა არასავალდებულოა.',
};

const ruPhone: PhoneWords = {
  siteName: 'Дом юстиции',
  skip: 'Перейти к основному содержанию',
  languages: 'Язык',
  desk: (code, branch) => `Окно ${code}, ${branch}`,
  deskIntro: 'Вы открыли эту страницу по QR-коду на окне. Что вы хотите сделать?',
  unknownDesk: 'Окна с таким кодом нет. Проверьте код, напечатанный на карточке.',
  unknownDeskTitle: 'Окно не найдено',
  continue: 'Продолжить',
  back: 'Назад',
  optional: '(необязательно)',
  problemTitle: 'Есть проблема',
  expiredTitle: 'Срок действия страницы истёк',
  expired: 'Ради вашей безопасности эту форму можно отправить только один раз и только с этого сайта. Начните снова со страницы окна.',
  backToDesk: 'Вернуться на страницу окна',
  question: (index, total) => `Вопрос ${index} из ${total}`,
  rankingOrder: 'Ваш порядок',
  chooseKind: 'Выберите вид отзыва.',
  chooseService: 'Выберите услугу, к которой относится отзыв.',
  writeMessage: 'Напишите ваше сообщение.',
  contactConsent: 'Отметьте согласие на связь или оставьте контакт пустым.',
  reference: 'Ваш код подтверждения',
  whatNext: 'Что будет дальше',
  feedbackNext: 'Дом юстиции отвечает в течение 24 часов. Сохраните код: ответ появится на странице вашего отзыва.',
  voteNext: 'Когда голосование закроется, его результаты будут опубликованы вместе с дальнейшими шагами.',
  voteNotCounted:
    'В этом голосовании учитывается ваш прежний голос. Этот голос сохранён в публичном реестре как повторный и не учитывается.',
  tooManyVotes: 'С этого подключения за последнюю минуту пришло слишком много голосов. Попробуйте через минуту.',
  personalNumberError: 'Личный номер состоит из 11 цифр.',
  proposalNext:
    'Сотрудники рассматривают каждое предложение: принятые становятся инициативами, за которые может проголосовать каждый. Сохраните код, чтобы следить за своим.',
  followProposal: 'Следить за предложением',
  ratingNext: 'Ваша оценка учитывается в показателях услуги этого окна. Спасибо.',
  surveyNext: 'Когда опрос закроется, его результаты будут опубликованы вместе с дальнейшими шагами.',
  receiptLink: 'Ваша квитанция в публичном реестре',
  followLink: 'Следить за отзывом',
  surveyAnswersTitle: 'Проверьте ответы',
  largeText: 'Крупный текст',
  highContrast: 'Высокий контраст',
  on: 'вкл.',
  off: 'выкл.',
  display: 'Экран',
  notSent: 'Не удалось отправить:',
  contactHelp: 'Его видит только команда, отвечающая на ваш отзыв: он шифруется сразу по получении.',
  writeAnswer: 'Напишите ответ или оставьте поле пустым, если вопрос необязательный.',
};

const azPhone: PhoneWords = {
  siteName: 'Ədliyyə Evi',
  skip: 'Əsas məzmuna keçin',
  languages: 'Dil',
  desk: (code, branch) => `Pəncərə ${code}, ${branch}`,
  deskIntro: 'Bu səhifəni pəncərədəki QR kodla açdınız. Nə etmək istəyirsiniz?',
  unknownDesk: 'Bu kodla pəncərə yoxdur. Kartda çap olunmuş kodu yoxlayın.',
  unknownDeskTitle: 'Pəncərə tapılmadı',
  continue: 'Davam et',
  back: 'Geri',
  optional: '(məcburi deyil)',
  problemTitle: 'Problem var',
  expiredTitle: 'Bu səhifənin vaxtı bitib',
  expired: 'Təhlükəsizliyiniz üçün bu forma yalnız bir dəfə və yalnız bu saytdan göndərilə bilər. Pəncərə səhifəsindən yenidən başlayın.',
  backToDesk: 'Pəncərə səhifəsinə qayıt',
  question: (index, total) => `Sual ${index} / ${total}`,
  rankingOrder: 'Sizin sıranız',
  chooseKind: 'Rəyin növünü seçin.',
  chooseService: 'Rəyinizin aid olduğu xidməti seçin.',
  writeMessage: 'Mesajınızı yazın.',
  contactConsent: 'Əlaqə saxlanılmasına razılığı qeyd edin və ya əlaqə sahəsini boş buraxın.',
  reference: 'Təsdiq kodunuz',
  whatNext: 'Bundan sonra nə olacaq',
  feedbackNext: 'Ədliyyə Evi 24 saat ərzində cavab verir. Kodunuzu saxlayın: cavab rəyinizin səhifəsində görünəcək.',
  voteNext: 'Səsvermə bağlandıqdan sonra nəticələri və növbəti addımlar dərc olunacaq.',
  voteNotCounted: 'Bu səsvermədə əvvəlki səsiniz sayılır. Bu səs ictimai reyestrdə təkrar səs kimi saxlanılır və sayılmır.',
  tooManyVotes: 'Son dəqiqədə bu bağlantıdan çox sayda səs gəlib. Xahiş edirik, bir dəqiqədən sonra yenidən cəhd edin.',
  personalNumberError: 'Şəxsi nömrə 11 rəqəmdən ibarətdir.',
  proposalNext:
    'Əməkdaşlar hər təklifə baxır: qəbul edilənlər hamının səs verə biləcəyi təşəbbüslərə çevrilir. Təklifinizi izləmək üçün kodu saxlayın.',
  followProposal: 'Təklifinizi izləyin',
  ratingNext: 'Qiymətiniz bu pəncərənin xidmətinin göstəricilərində nəzərə alınır. Təşəkkür edirik.',
  surveyNext: 'Sorğu bağlandıqdan sonra nəticələri və növbəti addımlar dərc olunacaq.',
  receiptLink: 'İctimai reyestrdə qəbziniz',
  followLink: 'Rəyinizi izləyin',
  surveyAnswersTitle: 'Cavablarınızı yoxlayın',
  largeText: 'Böyük mətn',
  highContrast: 'Yüksək kontrast',
  on: 'açıq',
  off: 'bağlı',
  display: 'Ekran',
  notSent: 'Göndərilə bilmədi:',
  contactHelp: 'Onu yalnız rəyinizə cavab verən komanda görür: bizə çatan kimi şifrələnir.',
  writeAnswer: 'Cavabınızı yazın və ya sual məcburi deyilsə, boş buraxın.',
};

const hyPhone: PhoneWords = {
  siteName: 'Արդարադատության տուն',
  skip: 'Անցնել հիմնական բովանդակությանը',
  languages: 'Լեզու',
  desk: (code, branch) => `Պատուհան ${code}, ${branch}`,
  deskIntro: 'Դուք բացել եք այս էջը պատուհանի QR կոդով։ Ի՞նչ կցանկանայիք անել։',
  unknownDesk: 'Այս կոդով պատուհան չկա։ Ստուգեք քարտի վրա տպված կոդը։',
  unknownDeskTitle: 'Պատուհանը չի գտնվել',
  continue: 'Շարունակել',
  back: 'Հետ',
  optional: '(ոչ պարտադիր)',
  problemTitle: 'Խնդիր կա',
  expiredTitle: 'Այս էջի ժամկետն անցել է',
  expired: 'Ձեր անվտանգության համար այս ձևը կարելի է ուղարկել միայն մեկ անգամ և միայն այս կայքից։ Սկսեք նորից պատուհանի էջից։',
  backToDesk: 'Վերադառնալ պատուհանի էջ',
  question: (index, total) => `Հարց ${index} / ${total}`,
  rankingOrder: 'Ձեր հերթականությունը',
  chooseKind: 'Ընտրեք արձագանքի տեսակը։',
  chooseService: 'Ընտրեք ծառայությունը, որին վերաբերում է ձեր արձագանքը։',
  writeMessage: 'Գրեք ձեր հաղորդագրությունը։',
  contactConsent: 'Նշեք կապ հաստատելու համաձայնությունը կամ թողեք կոնտակտը դատարկ։',
  reference: 'Ձեր հաստատման կոդը',
  whatNext: 'Ի՞նչ է լինելու հետո',
  feedbackNext: 'Արդարադատության տունը պատասխանում է 24 ժամվա ընթացքում։ Պահեք ձեր կոդը․ պատասխանը կհայտնվի ձեր արձագանքի էջում։',
  voteNext: 'Քվեարկության ավարտից հետո կհրապարակվեն դրա արդյունքները և հաջորդ քայլերը։',
  voteNotCounted:
    'Այս քվեարկությունում հաշվվում է ձեր նախորդ ձայնը։ Այս ձայնը պահվում է հանրային գրանցամատյանում որպես կրկնակի և չի հաշվվում։',
  tooManyVotes: 'Վերջին րոպեում այս կապից չափազանց շատ ձայներ են եկել։ Խնդրում ենք կրկին փորձել մեկ րոպեից։',
  personalNumberError: 'Անձնական համարը բաղկացած է 11 թվանշանից։',
  proposalNext:
    'Աշխատակիցները քննարկում են յուրաքանչյուր առաջարկ․ ընդունվածները դառնում են նախաձեռնություններ, որոնց օգտին բոլորը կարող են քվեարկել։ Պահեք կոդը՝ ձերին հետևելու համար։',
  followProposal: 'Հետևել ձեր առաջարկին',
  ratingNext: 'Ձեր գնահատականը հաշվվում է այս պատուհանի ծառայության ցուցանիշներում։ Շնորհակալություն։',
  surveyNext: 'Հարցման ավարտից հետո կհրապարակվեն դրա արդյունքները և հաջորդ քայլերը։',
  receiptLink: 'Ձեր անդորրագիրը հանրային գրանցամատյանում',
  followLink: 'Հետևել ձեր արձագանքին',
  surveyAnswersTitle: 'Ստուգեք ձեր պատասխանները',
  largeText: 'Մեծ տեքստ',
  highContrast: 'Բարձր կոնտրաստ',
  on: 'միացված',
  off: 'անջատված',
  display: 'Էկրան',
  notSent: 'Չհաջողվեց ուղարկել։',
  contactHelp: 'Այն տեսնում է միայն ձեր արձագանքին պատասխանող թիմը․ այն գաղտնագրվում է մեզ հասնելուն պես։',
  writeAnswer: 'Գրեք ձեր պատասխանը կամ թողեք դատարկ, եթե հարցը պարտադիր չէ։',
};

const MESSAGES: Record<Language, Messages> = { ka, en, ru, az, hy };
const PHONE: Record<Language, PhoneWords> = { ka: kaPhone, en: enPhone, ru: ruPhone, az: azPhone, hy: hyPhone };

/** The names of the languages, each in itself: the language list shows every one, whatever the page's language. */
export const LANGUAGE_NAMES: Record<Language, string> = { ka: 'ქართული', en: 'English', ru: 'Русский', az: 'Azərbaycanca', hy: 'Հայերեն' };

export interface PhoneTexts {
  readonly lang: Language;
  /** The kiosk's words for the same flows. */
  readonly m: Messages;
  readonly p: PhoneWords;
}

export const phoneTexts = (lang: Language): PhoneTexts => ({ lang, m: MESSAGES[lang], p: PHONE[lang] });

/** The kiosk texts' `{{name}}` placeholders filled (i18next's syntax, without i18next on the server). */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
