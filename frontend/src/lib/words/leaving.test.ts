import { describe, expect, it } from 'vitest';
import { leavingWords } from './leaving';

const none = { name: 'Ana Silva', program: 'Peer Circles', closes: [], stays: [], sessions: 0, requests: 0 };

describe('leavingWords', () => {
  it('says nothing when leaving changes nothing else', () => {
    expect(leavingWords(none)).toEqual([]);
  });
  it('names what closes, what is cancelled and what ends', () => {
    expect(leavingWords({ ...none, closes: ['Ana Silva and Kenji Sato'], sessions: 2, requests: 1, stays: ['Ana, Jai and Mei'] })).toEqual([
      'Closes Ana Silva and Kenji Sato (cancelled: “Ana Silva left the program”).',
      'Cancels 2 upcoming sessions and queues the cancellations to the attendees.',
      'Ends 1 pending request; the other person is told.',
      'Stays listed in the group Ana, Jai and Mei, which goes on: take them out of its sessions by hand.',
    ]);
  });
});
