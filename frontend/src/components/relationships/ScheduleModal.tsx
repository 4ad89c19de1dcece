import { Modal, Skeleton, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, toApiError, type AgendaTemplate, type Session, type Settings } from '../../api';
import { relationshipName } from '../../lib/words/sessions';
import { ScheduleForm } from './ScheduleForm';
import type { ScheduleTarget } from './scheduleValues';

export { ScheduleForm } from './ScheduleForm';
export type { ScheduleTarget } from './scheduleValues';

/** ScheduleModal schedules a session (or a series) of a relationship, or reschedules one. */
export function ScheduleModal({ target, onClose, onSaved }: {
  target: ScheduleTarget | null;
  onClose: () => void;
  /** sessions: what Go saved; settings: to say whether the invites leave on their own. */
  onSaved: (sessions: Session[], settings: Settings | null, rescheduled: boolean) => void;
}) {
  const title = target
    ? `${target.session ? 'Reschedule' : 'Schedule a session'}: ${relationshipName(target.relationship)}`
    : 'Schedule a session';
  return (
    <Modal opened={!!target} onClose={onClose} title={title} size="xl" closeOnClickOutside={false}>
      {target && <ScheduleLoader target={target} onCancel={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

/** ScheduleLoader reads the settings and the agenda library, then shows the form. */
function ScheduleLoader({ target, onCancel, onSaved }: {
  target: ScheduleTarget;
  onCancel: () => void;
  onSaved: (sessions: Session[], settings: Settings | null, rescheduled: boolean) => void;
}) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [agendas, setAgendas] = useState<AgendaTemplate[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.settings.get(), api.agendas.list()]).then(
      ([s, a]) => { if (live) { setSettings(s); setAgendas(a); } },
      (e) => {
        if (!live) return;
        // The form still works without them: Go falls back to the default zone.
        setLoadError(toApiError(e).message);
        setAgendas([]);
      },
    );
    return () => { live = false; };
  }, []);

  if (!agendas) {
    return (
      <Stack role="status" aria-busy="true" aria-label="Loading the form">
        <Skeleton h={36} />
        <Skeleton h={36} />
        <Skeleton h={120} />
      </Stack>
    );
  }
  return (
    <ScheduleForm
      target={target}
      settings={settings}
      agendas={agendas}
      loadError={loadError}
      onCancel={onCancel}
      onSaved={onSaved}
    />
  );
}
