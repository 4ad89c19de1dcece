// People enrolled in a program, with their answers: the seam over the generated Participants
// bindings (see programs.ts).
import * as ParticipantsGo from '../../wailsjs/go/app/Participants';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import { question } from './questions';
import type { AnswerValue, EnrolInput, Leaving, Participant, ParticipantInput, Profile } from './types';

function profile(p: app.Profile | Profile): Profile {
  return {
    ...p,
    participant: p.participant as Participant,
    answers: arr(p.answers).map((a) => ({
      ...a,
      question: question(a.question),
      value: { ...a.value, text: a.value?.text ?? '', choices: arr(a.value?.choices) },
    })),
  };
}

export const participants = {
  enrol: (input: EnrolInput): Promise<Participant> => call(async () => (await ParticipantsGo.Enrol(app.EnrolInput.createFrom(input))) as Participant),
  get: (id: number): Promise<Participant> => call(async () => (await ParticipantsGo.Get(id)) as Participant),
  profile: (id: number): Promise<Profile> => call(async () => profile(await ParticipantsGo.Profile(id))),
  update: (id: number, input: ParticipantInput): Promise<Participant> =>
    call(async () => (await ParticipantsGo.Update(id, app.ParticipantInput.createFrom(input))) as Participant),
  saveAnswers: (id: number, answers: AnswerValue[]): Promise<Profile> =>
    call(async () => profile(await ParticipantsGo.SaveAnswers(id, answers.map((a) => app.AnswerValue.createFrom(a))))),
  remove: (id: number): Promise<void> => call(() => ParticipantsGo.Remove(id)),
  /** leavingImpact says what withdrawing the participant does besides; it changes nothing. */
  leavingImpact: (id: number): Promise<Leaving> => call(async () => leaving(await ParticipantsGo.LeavingImpact(id))),
};

export function leaving(l: app.Leaving | Leaving): Leaving {
  return { ...l, closes: arr(l.closes), stays: arr(l.stays) };
}
