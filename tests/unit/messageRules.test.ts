import { describe, expect, it } from 'vitest';
import { feedbackProblem, proposalProblem, typedText, VOICE_MESSAGE_FILE } from '../../sync/protocol/messageLogic.js';
import { messageProblem } from '../../sync/central/services/messageCheck.js';
import { envelopeOf } from '../support/envelope.js';

// The feedback and proposal field rules live once in sync/protocol; the kiosk core (tests/api/feedback.test.ts
// and voiceMessages.test.ts drive it) and Central's ingest (messageCheck.ts, here) both run them.
describe('feedback and proposal field rules', () => {
  it('trims what was typed and treats spaces as nothing', () => {
    expect(typedText('  queue was long \n')).toBe('queue was long');
    expect(typedText('   ')).toBeUndefined();
    expect(typedText(undefined)).toBeUndefined();
  });

  it('feedback needs a message or a voice message; a proposal needs a title', () => {
    expect(feedbackProblem({ message: ' ', hasVoice: false })).toBe('no-message');
    expect(feedbackProblem({ message: ' ', hasVoice: true })).toBeUndefined();
    expect(feedbackProblem({ message: 'ok', hasVoice: false })).toBeUndefined();
    expect(proposalProblem({ title: '  ' })).toBe('no-title');
    expect(proposalProblem({ title: 'Night desk' })).toBeUndefined();
  });

  it('Central refuses feedback saying nothing and a proposal without a title, naming why', () => {
    const base = { type: 'feedback', trackingCode: 'ABCDEFGH', kind: 'complaint', serviceId: 'civil-registry', deskId: 'desk-7' } as const;
    const blank = envelopeOf(1, { ...base, message: '   ', language: 'ka', consentToContact: false });
    expect(messageProblem(blank)).toBe('feedback needs a typed message or a voice message');
    const voiced = {
      ...blank,
      attachments: [{ name: VOICE_MESSAGE_FILE, size: 44, sha256: '0'.repeat(64), contentType: 'audio/wav' as const }],
    };
    expect(messageProblem(voiced)).toBeNull();
    const untitled = envelopeOf(2, { type: 'proposal', trackingCode: 'ABCDEFGJ', title: ' ', language: 'en' });
    expect(messageProblem(untitled)).toBe('a proposal needs a title');
    expect(messageProblem(envelopeOf(3, { type: 'proposal', trackingCode: 'ABCDEFGK', title: 'Night desk', language: 'en' }))).toBeNull();
  });
});
