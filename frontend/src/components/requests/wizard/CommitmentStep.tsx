import { Group, NumberInput, Radio, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { commitmentChoices } from '../../../lib/words/requests';
import { firstName } from '../../../lib/words/sessions';
import type { RequestWizard } from './useRequestWizard';
import { WizardButtons } from './WizardButtons';

/** CommitmentStep is the wizard's third step: what is asked for (a topic and its sessions), and a note. */
export function CommitmentStep({ w, who, onCancel }: { w: RequestWizard; who: string; onCancel: () => void }) {
  return (
    <form onSubmit={w.next} noValidate>
      <Stack gap="md">
        <Title order={3} fz="md">What does {who} ask {w.recipient ? firstName(w.recipient.participant.name) : 'them'} for?</Title>
        <Radio.Group
          label="Commitment"
          value={w.commitment}
          onChange={w.pickCommitment}
          error={w.errors.commitment}
          required
        >
          <Stack gap="xs" mt={6}>
            {commitmentChoices.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} description={c.description} />
            ))}
          </Stack>
        </Radio.Group>
        {w.commitment === 'topic' && (
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Topic"
              placeholder="e.g. presenting with data"
              required
              value={w.topic}
              onChange={(e) => w.changeTopic(e.currentTarget.value)}
              error={w.errors.topic}
              style={{ flex: 1, minWidth: 260 }}
            />
            <NumberInput
              label="Number of sessions"
              min={1}
              max={52}
              value={w.sessions}
              onChange={w.changeSessions}
              error={w.errors.sessions}
              w={180}
            />
          </Group>
        )}
        <Textarea
          label={`Note introducing ${who}`}
          description={`Sent to ${w.recipient?.participant.name ?? 'the person asked'} with the request: who ${who} is and what they would like to talk about.`}
          autosize
          minRows={4}
          maxRows={10}
          value={w.note}
          onChange={(e) => w.changeNote(e.currentTarget.value)}
          error={w.errors.note}
        />
        <WizardButtons step={w.step} onBack={() => w.setStep(1)} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
