import type { Ballot } from '../../sync/protocol/ballot.js';

/**
 * The demo ballot of `npm start`: six initiatives from feedback, studies and
 * citizens' proposals; one vote per person (personal number, sealed on the
 * kiosk), up to two choices. Georgian and English.
 */
export const demoBallot: Ballot = {
  id: 'priorities-2027',
  title: { ka: 'რომელი ინიციატივა გახდეს პრიორიტეტი?', en: 'Which initiative should be a priority?' },
  description: {
    ka: 'აირჩიეთ მაქსიმუმ ორი. ყველაზე მეტი ხმის მქონე ინიციატივა 2027 წლის პრიორიტეტი გახდება.',
    en: 'Choose up to two. The initiative with the most votes becomes a priority for 2027.',
  },
  policy: 'verified',
  maxChoices: 2,
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2027-03-31T20:00:00.000Z',
  branches: [],
  channels: ['kiosk', 'web'],
  initiatives: [
    {
      id: 'saturday-hours',
      origin: 'feedback',
      title: { ka: 'შაბათობით მუშაობა ყველა ფილიალში', en: 'Saturday opening in every branch' },
      description: {
        ka: 'ყველა ფილიალი ღია იქნება შაბათს 10:00-დან 15:00-მდე.',
        en: 'Every branch opens on Saturdays from 10:00 to 15:00.',
      },
    },
    {
      id: 'queue-sms',
      origin: 'feedback',
      title: { ka: 'SMS, როცა თქვენი რიგი ახლოვდება', en: 'A text message when your turn is near' },
      description: {
        ka: 'რიგში დგომა აღარ დაგჭირდებათ: SMS მოგივათ 10 წუთით ადრე.',
        en: 'No more standing in line: a text message comes 10 minutes before your turn.',
      },
    },
    {
      id: 'step-free',
      origin: 'study',
      title: { ka: 'უბარიერო შესასვლელები და ტაქტილური ბილიკები', en: 'Step-free entrances and tactile paths' },
      description: { ka: 'ყველა ფილიალში, 2027 წლის ბოლომდე.', en: 'In every branch, by the end of 2027.' },
    },
    {
      id: 'village-kiosks',
      origin: 'proposal',
      title: { ka: 'თვითმომსახურების კიოსკები სოფლებში', en: 'Self-service kiosks in villages' },
      description: { ka: 'კიოსკები თემის ცენტრებში, სადაც ფილიალი შორსაა.', en: 'Kiosks in community centres far from a branch.' },
    },
    {
      id: 'plain-forms',
      origin: 'study',
      title: { ka: 'მარტივი ენით დაწერილი განცხადებები', en: 'Forms in plain language' },
      description: { ka: 'ყველა ფორმა გადაიწერება მარტივ, გასაგებ ენაზე.', en: 'Every form rewritten in plain, clear language.' },
    },
    {
      id: 'child-corner',
      origin: 'proposal',
      title: { ka: 'საბავშვო კუთხე ფილიალებში', en: 'A children’s corner in branches' },
      description: {
        ka: 'უსაფრთხო სათამაშო ადგილი, სანამ მშობელი მომსახურებას იღებს.',
        en: 'A safe place to play while parents are served.',
      },
    },
  ],
};
