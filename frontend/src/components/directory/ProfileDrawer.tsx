import {
  Alert, Button, Divider, Drawer, Group, SimpleGrid, Skeleton, Stack, Text, Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUserSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, toApiError, type Leaving, type ParticipantInput, type Profile, type Program } from '../../api';
import { formatDate } from '../../lib/format';
import { leavingWords } from '../../lib/words/leaving';
import { WishesSection } from '../pairing/WishesSection';
import { RequestWizard, type WizardStart } from '../requests/RequestWizard';
import { AnswerInput, type AnswerDraft } from './AnswerInput';
import { LeavingSummary } from './LeavingSummary';
import { checkRoles, RolesFields, type RolesErrors } from './RolesFields';

/** ProfileDrawer shows one participant: person, roles and status, every answer, and removal. */
export function ProfileDrawer({ participantId, program, onClose, onChanged }: {
  participantId: number | null;
  program: Program;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [request, setRequest] = useState<WizardStart | null>(null);

  useEffect(() => {
    if (participantId == null) return;
    let live = true;
    setProfile(null);
    setLoadError(null);
    api.participants.profile(participantId).then(
      (p) => live && setProfile(p),
      (e) => live && setLoadError(toApiError(e).message),
    );
    return () => { live = false; };
  }, [participantId]);

  const opened = participantId != null;
  return (
    <>
      <Drawer
        opened={opened}
        onClose={onClose}
        closeOnEscape={!request}
        position="right"
        size={600}
        title={profile?.participant.name ?? 'Participant'}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } }}
      >
        {loadError && <Alert color="red" title="The profile could not be loaded">{loadError}</Alert>}
        {opened && !profile && !loadError && (
          <Stack role="status" aria-busy="true" aria-label="Loading profile">
            <Skeleton h={20} w="60%" />
            <Skeleton h={120} />
            <Skeleton h={240} />
          </Stack>
        )}
        {profile && (
          <ProfileBody
            key={profile.participant.id}
            profile={profile}
            program={program}
            onProfile={setProfile}
            onChanged={onChanged}
            onRemoved={() => { onClose(); onChanged(); }}
            onRequest={(kind) => setRequest({ requester: profile.participant, kind })}
          />
        )}
      </Drawer>
      {/* On top of the drawer, which leaves Escape to it meanwhile. */}
      <RequestWizard program={program} start={request} onClose={() => setRequest(null)} />
    </>
  );
}

function ProfileBody({ profile, program, onProfile, onChanged, onRemoved, onRequest }: {
  profile: Profile;
  program: Program;
  onProfile: (p: Profile) => void;
  onChanged: () => void;
  onRemoved: () => void;
  /** Opens the request wizard for this participant. */
  onRequest: (kind: 'peer' | 'mentor') => void;
}) {
  const part = profile.participant;
  const person = profile.person;
  const [roles, setRoles] = useState<ParticipantInput>({
    mentor: part.mentor, mentee: part.mentee, peer: part.peer, capacity: part.capacity, status: part.status,
  });
  const [rolesErrors, setRolesErrors] = useState<RolesErrors>({});
  const [savingRoles, setSavingRoles] = useState(false);
  const [answers, setAnswers] = useState<Record<number, AnswerDraft>>(() => draftsOf(profile));
  const [answerErrors, setAnswerErrors] = useState<Record<string, string>>({});
  const [answersError, setAnswersError] = useState<string | null>(null);
  const [savingAnswers, setSavingAnswers] = useState(false);

  const saveRoles = async () => {
    const errs = checkRoles(roles, program);
    setRolesErrors(errs);
    if (Object.keys(errs).length) return;
    if (roles.status === 'withdrawn' && part.status !== 'withdrawn') {
      // Withdrawing closes what they leave: say what first.
      try {
        const leaving = await api.participants.leavingImpact(part.id);
        if (leavingWords(leaving).length > 0) {
          modals.openConfirmModal({
            title: `Withdraw ${part.name}?`,
            children: <LeavingSummary leaving={leaving} />,
            labels: { confirm: 'Withdraw', cancel: 'Cancel' },
            confirmProps: { color: 'red' },
            onConfirm: () => void writeRoles(),
          });
          return;
        }
      } catch (e) {
        notifications.show({ color: 'red', title: 'Not saved', message: toApiError(e).message });
        return;
      }
    }
    await writeRoles();
  };

  const writeRoles = async () => {
    setSavingRoles(true);
    try {
      await api.participants.update(part.id, roles);
      const fresh = await api.participants.profile(part.id);
      onProfile(fresh);
      setAnswers(draftsOf(fresh));
      onChanged();
      notifications.show({ color: 'teal', message: `${part.name}'s roles and status were saved.` });
    } catch (e) {
      const err = toApiError(e);
      if (err.field === 'roles' || err.field === 'capacity' || err.field === 'status') setRolesErrors({ [err.field]: err.message });
      else notifications.show({ color: 'red', title: 'Not saved', message: err.message });
    } finally {
      setSavingRoles(false);
    }
  };

  const saveAnswers = async () => {
    const errs: Record<string, string> = {};
    for (const a of profile.answers) {
      const d = answers[a.question.id];
      if (a.question.required && d && d.text.trim() === '' && d.choices.length === 0) errs[`q:${a.question.id}`] = 'An answer is required';
    }
    setAnswerErrors(errs);
    setAnswersError(null);
    if (Object.keys(errs).length) return;
    setSavingAnswers(true);
    try {
      const fresh = await api.participants.saveAnswers(
        part.id,
        profile.answers.map((a) => ({ questionId: a.question.id, text: answers[a.question.id]?.text ?? '', choices: answers[a.question.id]?.choices ?? [] })),
      );
      onProfile(fresh);
      setAnswers(draftsOf(fresh));
      onChanged();
      notifications.show({ color: 'teal', message: `${part.name}'s answers were saved.` });
    } catch (e) {
      const err = toApiError(e);
      if (err.field?.startsWith('q:')) setAnswerErrors({ [err.field]: err.message });
      else setAnswersError(err.message);
    } finally {
      setSavingAnswers(false);
    }
  };

  const confirmRemove = async () => {
    const id = 'remove-participant';
    let leaving: Leaving | null = null;
    if (part.status !== 'withdrawn') {
      try {
        leaving = await api.participants.leavingImpact(part.id);
      } catch (e) {
        notifications.show({ color: 'red', title: 'Not removed', message: toApiError(e).message });
        return;
      }
    }
    modals.open({
      modalId: id,
      title: `Remove ${part.name} from ${program.name}?`,
      children: (
        <RemoveConfirm
          name={part.name}
          withdrawn={part.status === 'withdrawn'}
          leaving={leaving}
          onCancel={() => modals.close(id)}
          onWithdraw={async () => {
            await api.participants.update(part.id, { ...roles, mentor: part.mentor, mentee: part.mentee, peer: part.peer, capacity: part.capacity, status: 'withdrawn' });
            modals.close(id);
            const fresh = await api.participants.profile(part.id);
            onProfile(fresh);
            setRoles((r) => ({ ...r, status: 'withdrawn' }));
            onChanged();
            notifications.show({ color: 'teal', message: `${part.name} is now withdrawn; their history is kept.` });
          }}
          onRemove={async () => {
            await api.participants.remove(part.id);
            modals.close(id);
            onRemoved();
            notifications.show({ color: 'teal', message: `${part.name} was removed from ${program.name}.` });
          }}
        />
      ),
    });
  };

  const field = (label: string, value: string) => (
    <div>
      <Text size="sm" fw={600}>{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{value || '—'}</Text>
    </div>
  );

  const canRequestPeer = program.peerMentoring && part.peer && part.status === 'active';
  const canRequestMentor = part.mentee && part.status === 'active';

  return (
    <Stack gap="lg">
      {(canRequestPeer || canRequestMentor) && (
        <Group gap="sm">
          {canRequestPeer && (
            <Button variant="light" leftSection={<IconUserSearch size={16} />} onClick={() => onRequest('peer')}>Request a peer</Button>
          )}
          {canRequestMentor && (
            <Button variant="light" leftSection={<IconUserSearch size={16} />} onClick={() => onRequest('mentor')}>Request a mentor</Button>
          )}
        </Group>
      )}
      <section aria-labelledby="profile-person">
        <Title order={3} fz="md" id="profile-person" mb="xs">Person</Title>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          {field('Email', person.email)}
          {field('Title', person.title)}
          {field('Department', person.department)}
          {field('Location', person.location)}
          {field('Time zone', person.timeZone)}
          {field("Manager's email", person.managerEmail)}
          {field('Employee ID', person.employeeId)}
          {field('Enrolled', formatDate(part.enrolledAt))}
        </SimpleGrid>
      </section>

      <Divider />
      <section aria-labelledby="profile-roles">
        <Title order={3} fz="md" id="profile-roles" mb="xs">Roles and status</Title>
        <RolesFields value={roles} onChange={setRoles} program={program} errors={rolesErrors} idPrefix="profile" />
        <Group justify="flex-end" mt="md">
          <Button onClick={saveRoles} loading={savingRoles}>Save roles and status</Button>
        </Group>
      </section>

      <Divider />
      <section aria-labelledby="profile-answers">
        <Title order={3} fz="md" id="profile-answers" mb="xs">Answers</Title>
        {profile.answers.length === 0 && (
          <Text size="sm">No questions are asked of this participant's roles. Add questions in the Questionnaire tab.</Text>
        )}
        <Stack gap="md">
          {answersError && <Alert color="red" title="Answers not saved">{answersError}</Alert>}
          {profile.answers.map((a) => (
            <AnswerInput
              key={a.question.id}
              question={a.question}
              value={answers[a.question.id] ?? { text: '', choices: [] }}
              onChange={(v) => {
                setAnswers((s) => ({ ...s, [a.question.id]: v }));
                setAnswerErrors((s) => {
                  const { [`q:${a.question.id}`]: _drop, ...rest } = s;
                  return rest;
                });
              }}
              error={answerErrors[`q:${a.question.id}`]}
            />
          ))}
        </Stack>
        {profile.answers.length > 0 && (
          <Group justify="flex-end" mt="md">
            <Button onClick={saveAnswers} loading={savingAnswers}>Save answers</Button>
          </Group>
        )}
      </section>

      <Divider />
      <WishesSection participantId={part.id} programId={program.id} name={part.name} />

      <Divider />
      <section aria-labelledby="profile-remove">
        <Title order={3} fz="md" id="profile-remove" mb="xs">Leave the program</Title>
        <Text size="sm" mb="sm">
          To keep {part.name}'s history, set the status to Withdrawn. Removing deletes their roles and answers in this program.
        </Text>
        <Button color="red" variant="outline" leftSection={<IconTrash size={16} />} onClick={() => void confirmRemove()}>
          Remove from program
        </Button>
      </section>
    </Stack>
  );
}

function draftsOf(p: Profile): Record<number, AnswerDraft> {
  const out: Record<number, AnswerDraft> = {};
  for (const a of p.answers) out[a.question.id] = { text: a.value.text ?? '', choices: [...(a.value.choices ?? [])] };
  return out;
}

function RemoveConfirm({ name, withdrawn, leaving, onCancel, onWithdraw, onRemove }: {
  name: string;
  withdrawn: boolean;
  leaving: Leaving | null;
  onCancel: () => void;
  onWithdraw: () => Promise<void>;
  onRemove: () => Promise<void>;
}) {
  const [busy, setBusy] = useState<'' | 'withdraw' | 'remove'>('');
  const [error, setError] = useState<string | null>(null);
  const run = (what: 'withdraw' | 'remove', fn: () => Promise<void>) => async () => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy('');
    }
  };
  return (
    <Stack>
      <Text size="sm">
        Removing deletes {name}'s roles and answers in this program, and cannot be undone.
        {!withdrawn && ' Setting the status to Withdrawn instead takes them out of matching and keeps their history.'}
      </Text>
      {leaving && <LeavingSummary leaving={leaving} heading="Set to withdrawn, Tandem also:" />}
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy !== ''}>Cancel</Button>
        {!withdrawn && (
          <Button variant="light" onClick={run('withdraw', onWithdraw)} loading={busy === 'withdraw'} disabled={busy === 'remove'}>
            Set to withdrawn
          </Button>
        )}
        <Button color="red" onClick={run('remove', onRemove)} loading={busy === 'remove'} disabled={busy === 'withdraw'}>
          Remove
        </Button>
      </Group>
    </Stack>
  );
}
