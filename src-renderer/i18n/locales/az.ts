import type { Messages } from './en.js';

export const az: Messages = {
  welcome: {
    title: 'Sizin rəyiniz dövlət xidmətlərini yaxşılaşdırır',
    subtitle: 'Xidməti qiymətləndirin, sorğuda iştirak edin, səs verin və ya nəyi yaxşılaşdırmalı olduğumuzu deyin.',
    start: 'Başla',
  },
  language: { title: 'Dili seçin' },
  home: {
    title: 'Nə etmək istəyirsiniz?',
    rate: 'Aldığınız xidməti qiymətləndirin',
    survey: 'Sorğular',
    vote: 'Təşəbbüslərə səs verin',
    feedback: 'Rəy bildirin',
    propose: 'Xidmət təklif edin',
    track: 'Müraciətin statusu',
    comingSoon: 'Tezliklə',
  },
  rating: {
    next: 'Növbəti',
    chooseFirst: 'Əvvəlcə qiymətlərdən birini seçin',
    selected: 'seçilib',
  },
  comment: {
    label: 'Şərhiniz',
    send: 'Göndər',
    skip: 'Şərhsiz göndər',
    keyboardSwitch: 'Klaviatura: {{name}}',
    characters: '{{count}} / {{max}} simvol',
  },
  thanks: {
    title: 'Təşəkkür edirik! Qiymətiniz yadda saxlanıldı.',
    codeLabel: 'Təsdiq kodu',
    note: 'O, avtomatik olaraq Ədliyyə Evinə göndəriləcək.',
    finish: 'Bitir',
  },
  bar: {
    label: 'Daimi düymələr',
    home: 'Əsas',
    back: 'Geri',
    help: 'Kömək',
    language: 'Dil',
    audio: 'Səs',
    audioSoon: 'Səsli rejim tezliklə əlavə olunacaq',
  },
  help: {
    title: 'Kömək',
    close: 'Bağla',
    welcome: '«Başla» düyməsinə toxunun, dili, sonra isə nə etmək istədiyinizi seçin.',
    language: 'Dilinizə toxunun. Dili istənilən vaxt aşağıdakı «Dil» düyməsi ilə dəyişə bilərsiniz.',
    home: 'Nə etmək istədiyinizi seçin. Aşağıda: Əsas, Geri, Kömək və Dil.',
    rating: 'Fikrinizə uyğun üzə toxunun, sonra «Növbəti» düyməsinə toxunun.',
    comment: 'Ekran klaviaturası ilə şərh yazın və ya şərhsiz göndərin.',
    thanks: 'Qiymətiniz yadda saxlanıldı. Bitirdikdə «Bitir» düyməsinə toxunun.',
  },
  idle: {
    title: 'Hələ buradasınız?',
    body: 'Məxfiliyiniz üçün ekran {{count}} saniyədən sonra yenidən başlayacaq.',
    continue: 'Davam et',
  },
  errors: {
    saveFailed: 'Yadda saxlamaq mümkün olmadı. Yenidən cəhd edin və ya əməkdaşa müraciət edin.',
  },
  keys: { backspace: 'Sil', space: 'Boşluq', shift: 'Shift' },
};
