import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import type { PhoneClient } from './phoneClient.js';

/** A visitor rating a desk from its QR code with JavaScript off: the page, the smiley, the comment; true once thanked. */
export async function rateTheDesk(phone: PhoneClient, desk: string, lang = 'ka'): Promise<boolean> {
  await phone.get(`/D/${desk}/rate?lang=${lang}`);
  await phone.post(`/D/${desk}/rate`, { score: '5' });
  const thanks = await phone.post(`/D/${desk}/rate/comment`, { comment: '', service: 'civil-registry' });
  return thanks.url === `/D/${desk}/thanks`;
}

/** A visitor taking the demo survey with JavaScript off, each question on its own page; true once thanked. */
export async function takeTheDemoSurvey(phone: PhoneClient, desk: string): Promise<boolean> {
  const survey = `/D/${desk}/surveys/${demoSurvey.id}`;
  await phone.get(survey);
  await phone.get(`${survey}/q/visits`);
  await phone.post(`${survey}/q/visits`, { answer: 'monthly' });
  const ranking = await phone.post(`${survey}/q/online`, { answer: 'no' });
  await phone.post(`${survey}/q/priorities`, { order: /name="order" value="([^"]+)"/.exec(ranking.text)?.[1] ?? '' });
  await phone.post(`${survey}/q/informed`, { answer: ['sms'] });
  await phone.post(`${survey}/q/today`, {});
  await phone.post(`${survey}/q/comment`, {});
  return (await phone.post(`${survey}/check`, {})).url === `/D/${desk}/thanks`;
}
