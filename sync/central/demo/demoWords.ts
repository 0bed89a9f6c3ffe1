/** What the demo's citizens wrote (in the languages they write in) and what its staff answered. */
export const DEMO_MESSAGES = [
  'რიგში ძალიან დიდხანს მომიწია ლოდინი, თითქმის ერთი საათი.',
  'ოპერატორი ძალიან თავაზიანი და ყურადღებიანი იყო. მადლობა!',
  'შეიძლება ონლაინ ჯავშნის დამატება ამ სერვისზე?',
  'რა დოკუმენტებია საჭირო ბინის გასხვისებისთვის?',
  'The queue display showed the wrong number for twenty minutes.',
  'Please add more seats near the passport desk; elderly visitors stand for a long time.',
  'Очень быстро оформили паспорт, спасибо.',
  'Xidmət çox yaxşı idi, amma parkinq yoxdur.',
  'კიოსკის ეკრანი ზოგჯერ არ რეაგირებს შეხებაზე.',
  'Can I pick up my ID card at another branch?',
] as const;

export const DEMO_RESPONSES = [
  'გმადლობთ. ფილიალის ხელმძღვანელმა დაამატა მეორე ოპერატორი დილის საათებში.',
  'Thank you. Online booking for this service opens next month; we will announce it on psh.gov.ge.',
  'გმადლობთ თქვენი შეფასებისთვის, გადავეცით გუნდს.',
  'You can choose the pick-up branch when you apply; for an existing application call 2 405 405.',
] as const;
