import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Program } from '../../../api';
import { requestCommitment } from '../../../lib/words/requests';
import type { RequestWizard } from './useRequestWizard';

/** SummaryStep is the wizard's last step: the request in a sentence and exactly what will be emailed. */
export function SummaryStep({ w, program, onCancel }: { w: RequestWizard; program: Program; onCancel: () => void }) {
  const { preview, requester, recipient, submitting } = w;
  return (
    <form onSubmit={w.submit} noValidate>
      <Stack gap="md">
        <Title order={3} fz="md">Summary</Title>
        <Text size="sm">
          {requester?.name} asks {recipient?.participant.name} to be their {w.kind} · {requestCommitment(w.input)}
        </Text>
        {w.previewing && (
          <Stack gap="xs" role="status" aria-busy="true" aria-label="Rendering the emails">
            <Skeleton h={20} w="70%" />
            <Skeleton h={200} />
          </Stack>
        )}
        {w.previewError && (
          <Alert color="red" title="The emails could not be rendered">
            {w.previewError}
          </Alert>
        )}
        {preview && (
          <>
            {preview.inReview ? (
              <Alert color="orange" title="Held for your review">
                {program.name} reviews requests before they are sent: nothing is emailed until you press Send now in the request’s drawer.
              </Alert>
            ) : (
              <Text size="sm">
                Submitting queues both emails in the outbox.
                {w.autoSend?.includes('request_summary')
                  ? ' Automatic sending is on for request summaries: they leave right away.'
                  : ' Nothing leaves until you send it from the outbox.'}
              </Text>
            )}
            <EmailBox
              heading={`What ${recipient?.participant.name ?? 'the recipient'} receives`}
              subject={preview.subject}
              text={preview.text}
            />
            <EmailBox
              heading={`${requester?.name ?? 'The requester'}’s confirmation`}
              subject={preview.confirmationSubject}
              text={preview.confirmationText}
            />
          </>
        )}
        <Group justify="space-between" mt="sm">
          <Button variant="default" onClick={() => w.setStep(2)} disabled={submitting}>Back</Button>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel} disabled={submitting}>Cancel</Button>
            <Button type="submit" loading={submitting} disabled={!preview}>Submit request</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** EmailBox shows an email as its reader gets it: subject, then the text body. */
function EmailBox({ heading, subject, text }: { heading: string; subject: string; text: string }) {
  return (
    <section aria-label={heading}>
      <Title order={4} fz="sm" mb={6}>{heading}</Title>
      <Paper withBorder radius="md" p="md">
        <Text size="sm"><Text span fw={600}>Subject: </Text>{subject}</Text>
        <Text size="sm" mt="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text.trim()}</Text>
      </Paper>
    </section>
  );
}
