import { Alert, Button, Group, Input, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { api, toApiError, type Commitment, type MemberInput, type Participant, type Program, type Relationship, type RelationshipKind } from '../../api';
import { commitmentDescriptions, commitmentLabels, defaultPlannedSessions, relationshipKindLabels } from '../../lib/words/sessions';
import { ParticipantPicker, ParticipantsPicker } from './ParticipantPicker';

/** NewRelationshipModal pairs two participants (peer or mentorship) or forms a group, by hand. */
export function NewRelationshipModal({ program, opened, onClose, onCreated }: {
  program: Program;
  opened: boolean;
  onClose: () => void;
  onCreated: (r: Relationship) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New relationship" size="lg">
      {opened && <NewRelationshipForm program={program} onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

type Errors = Partial<Record<'kind' | 'members' | 'commitment' | 'topic' | 'plannedSessions', string>>;

const kindHelp: Record<RelationshipKind, string> = {
  peer: 'Two peers who learn from each other.',
  mentorship: 'A mentor and a mentee.',
  group: 'Three or more people who meet together.',
};

/** defaultKind is the kind a program mostly has. */
function defaultKind(p: Program): RelationshipKind {
  if (p.kind === 'group') return 'group';
  if (p.kind === 'evergreen' && p.peerMentoring) return 'peer';
  return 'mentorship';
}

export function NewRelationshipForm({ program, onCancel, onCreated }: {
  program: Program;
  onCancel: () => void;
  onCreated: (r: Relationship) => void;
}) {
  const uid = useId();
  const [kind, setKind] = useState<RelationshipKind>(defaultKind(program));
  const [mentor, setMentor] = useState<Participant | null>(null);
  const [mentee, setMentee] = useState<Participant | null>(null);
  const [peerA, setPeerA] = useState<Participant | null>(null);
  const [peerB, setPeerB] = useState<Participant | null>(null);
  const [group, setGroup] = useState<Participant[]>([]);
  const [commitment, setCommitment] = useState<Commitment>('long_term');
  const [topic, setTopic] = useState('');
  const [planned, setPlanned] = useState<number | ''>(defaultPlannedSessions.long_term);
  const [plannedTouched, setPlannedTouched] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const kinds: RelationshipKind[] = program.peerMentoring ? ['peer', 'mentorship', 'group'] : ['mentorship', 'group'];

  const members = (): MemberInput[] => {
    switch (kind) {
      case 'mentorship':
        return [mentor && { participantId: mentor.id, role: 'mentor' }, mentee && { participantId: mentee.id, role: 'mentee' }]
          .filter((m): m is MemberInput => !!m);
      case 'peer':
        return [peerA, peerB].filter((p): p is Participant => !!p).map((p) => ({ participantId: p.id, role: 'peer' }));
      case 'group':
        return group.map((p) => ({ participantId: p.id, role: 'member' }));
    }
  };

  const check = (): Errors => {
    const e: Errors = {};
    const ms = members();
    if (kind === 'mentorship' && ms.length < 2) e.members = 'Choose a mentor and a mentee';
    else if (kind === 'peer' && ms.length < 2) e.members = 'Choose two peers';
    else if (kind === 'group' && ms.length < 3) e.members = 'A group has at least three people';
    else if (kind === 'group' && program.groupMax > 0 && ms.length > program.groupMax) e.members = `Groups in ${program.name} have at most ${program.groupMax} people`;
    else if (new Set(ms.map((m) => m.participantId)).size !== ms.length) e.members = 'The same person is chosen twice';
    if (commitment === 'topic' && topic.trim() === '') e.topic = 'Name the topic the sessions are about';
    if (topic.trim().length > 200) e.topic = 'The topic is longer than 200 characters';
    if (planned === '' || planned < 1 || planned > 100) e.plannedSessions = 'Plan from 1 to 100 sessions';
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    const e = check();
    setErrors(e);
    if (Object.keys(e).length) return;
    setSaving(true);
    try {
      const r = await api.relationships.create({
        programId: program.id, kind, commitment, topic: commitment === 'topic' ? topic.trim() : '',
        plannedSessions: Number(planned), startsOn: '', endsOn: '', members: members(),
      });
      onCreated(r);
    } catch (err) {
      const a = toApiError(err);
      const f = a.field as keyof Errors | undefined;
      if (f && ['kind', 'members', 'commitment', 'topic', 'plannedSessions'].includes(f)) setErrors({ [f]: a.message });
      else setFormError(a.message);
    } finally {
      setSaving(false);
    }
  };

  const changeCommitment = (c: Commitment) => {
    setCommitment(c);
    if (!plannedTouched) setPlanned(defaultPlannedSessions[c]);
    setErrors((e) => ({ ...e, commitment: undefined, plannedSessions: undefined, topic: undefined }));
  };

  const membersErrorId = `${uid}-members-error`;
  const describedBy = errors.members ? membersErrorId : undefined;
  const clearMembers = () => setErrors((e) => ({ ...e, members: undefined }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not created">{formError}</Alert>}
        <Input.Wrapper label="Kind" labelElement="div" id={`${uid}-kind`} error={errors.kind}>
          <SegmentedControl
            fullWidth
            mt={4}
            role="radiogroup"
            aria-labelledby={`${uid}-kind-label`}
            value={kind}
            onChange={(k) => { setKind(k as RelationshipKind); clearMembers(); setErrors((e) => ({ ...e, kind: undefined })); }}
            data={kinds.map((k) => ({ value: k, label: relationshipKindLabels[k] }))}
          />
          <Text size="sm" mt={6}>
            {kindHelp[kind]}
            {!program.peerMentoring && ' Peer pairs are off in this program: turn peer mentoring on in its settings to pair peers.'}
          </Text>
        </Input.Wrapper>

        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} aria-describedby={describedBy}>
          <Text component="legend" fw={500} size="sm" p={0} mb={4}>Members</Text>
          {kind === 'mentorship' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ParticipantPicker
                programId={program.id} role="mentor" label="Mentor" value={mentor}
                onChange={(p) => { setMentor(p); clearMembers(); }}
                exclude={mentee ? [mentee.id] : []} error={!!errors.members}
              />
              <ParticipantPicker
                programId={program.id} role="mentee" label="Mentee" value={mentee}
                onChange={(p) => { setMentee(p); clearMembers(); }}
                exclude={mentor ? [mentor.id] : []} error={!!errors.members}
              />
            </SimpleGrid>
          )}
          {kind === 'peer' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ParticipantPicker
                programId={program.id} role="peer" label="First peer" value={peerA}
                onChange={(p) => { setPeerA(p); clearMembers(); }}
                exclude={peerB ? [peerB.id] : []} error={!!errors.members}
              />
              <ParticipantPicker
                programId={program.id} role="peer" label="Second peer" value={peerB}
                onChange={(p) => { setPeerB(p); clearMembers(); }}
                exclude={peerA ? [peerA.id] : []} error={!!errors.members}
              />
            </SimpleGrid>
          )}
          {kind === 'group' && (
            <ParticipantsPicker
              programId={program.id} role="" label="People in the group"
              description={program.groupMax > 0 ? `From 3 to ${program.groupMax} people` : 'Three or more people'}
              value={group} onChange={(ps) => { setGroup(ps); clearMembers(); }}
              error={!!errors.members}
            />
          )}
          {errors.members && <Input.Error id={membersErrorId} mt={6}>{errors.members}</Input.Error>}
        </fieldset>

        <Input.Wrapper label="Commitment" labelElement="div" id={`${uid}-commitment`} error={errors.commitment}>
          <SegmentedControl
            fullWidth
            mt={4}
            role="radiogroup"
            aria-labelledby={`${uid}-commitment-label`}
            value={commitment}
            onChange={(c) => changeCommitment(c as Commitment)}
            data={(['intro', 'topic', 'long_term'] as const).map((c) => ({ value: c, label: commitmentLabels[c] }))}
          />
          <Text size="sm" mt={6}>{commitmentDescriptions[commitment]}</Text>
        </Input.Wrapper>

        <Group align="flex-start" grow preventGrowOverflow={false}>
          {commitment === 'topic' && (
            <TextInput
              label="Topic"
              required
              placeholder="e.g. Presenting with confidence"
              value={topic}
              onChange={(e) => { setTopic(e.currentTarget.value); setErrors((x) => ({ ...x, topic: undefined })); }}
              error={errors.topic}
              style={{ flex: 2 }}
            />
          )}
          <NumberInput
            label="Planned sessions"
            min={1}
            max={100}
            value={planned}
            onChange={(v) => { setPlanned(typeof v === 'number' ? v : v === '' ? '' : Number(v) || ''); setPlannedTouched(true); setErrors((x) => ({ ...x, plannedSessions: undefined })); }}
            error={errors.plannedSessions}
            maw={200}
          />
        </Group>

        <Text size="sm">Nothing is emailed now: you schedule the sessions next, and their invites wait in the outbox.</Text>

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" loading={saving}>Create relationship</Button>
        </Group>
      </Stack>
    </form>
  );
}
