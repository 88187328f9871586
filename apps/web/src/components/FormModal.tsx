import type { ReactNode } from 'react';
import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** A dialog for a short form; full screen on a phone so the on-screen keyboard leaves room. */
export function FormModal({ opened, onClose, title, children }: { opened: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} fullScreen={phone} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {children}
    </Modal>
  );
}
