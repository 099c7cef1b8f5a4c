import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LOCALES, setLocale } from '@/lib/i18n';
import { expiredError } from '../engine/job-machine';
import { jobView } from '../testing/job-view';
import { describeJob } from './describe-job';
import { formatDuration, formatProgress } from './format-progress';
import { UploadJobCard } from './upload-job-card';

const noop = () => undefined;
const provide = () => Promise.resolve({ ok: true as const });

describe('the upload queue in another language', () => {
  it('writes progress with the language’s numbers, units and words', async () => {
    await setLocale('de', { remember: false });

    expect(
      formatProgress({ sentBytes: 12_500_000, totalBytes: 80_000_000, bytesPerSecond: 4_200_000, secondsLeft: 14 }),
    ).toBe('12,5 MB von 80 MB · 4,2 MB/s · noch etwa 14 s');
    expect(formatDuration(3_900)).toBe('1 Std. 5 Min.');
    await setLocale('fr', { remember: false });
    expect(formatProgress({ sentBytes: 0, totalBytes: 1_500_000_000, bytesPerSecond: null, secondsLeft: null })).toBe(
      '0\u202fo sur 1,5\u202fGo',
    );
  });

  it("says what TikTok's fail reason means in the creator's language", async () => {
    await setLocale('es', { remember: false });
    const text = describeJob(jobView({ state: 'failed', failReason: 'spam_risk_text' }));
    expect(text).toMatchObject({
      headline: 'Error',
      detail: 'TikTok marcó la descripción como riesgosa. Cámbiala antes de volver a publicar.',
    });
  });

  it('says "nothing was posted" once, when the message made in that language already does', async () => {
    await setLocale('de', { remember: false });
    const detail = describeJob(jobView({ state: 'failed', error: expiredError() })).detail ?? '';

    expect(detail.match(/Es wurde nichts gepostet/g)).toHaveLength(1);
    const stopped = describeJob(jobView({ state: 'failed', error: null })).detail;
    expect(stopped).toBe('Der Upload wurde angehalten. Es wurde nichts gepostet.');
  });

  it('labels the controls in that language, and keeps the details for support in English', async () => {
    await setLocale('pt-BR', { remember: false });
    render(
      <UploadJobCard
        job={jobView({ state: 'failed', error: { code: 'INTERNAL', message: 'x', tiktokLogId: 'log-1' } })}
        onCancel={noop}
        onDismiss={noop}
        onProvideFile={provide}
      />,
    );

    // The visible word starts the spoken name too, so a voice-control user can say what they see.
    expect(screen.getByRole('button', { name: 'Remover clip.mp4 da lista' }).textContent).toBe('Remover');
    expect(screen.getByText('Detalhes para o suporte')).toBeTruthy();
    const details = document.querySelector('pre');
    expect(details?.getAttribute('lang')).toBe('en');
    expect(details?.textContent).toMatch(/^File: clip\.mp4 \(80000000 bytes, direct post\)\nPublish ID: /);
  });

  it.each(LOCALES)('%s: every control of a card says its visible word in its spoken name', async (locale) => {
    await setLocale(locale, { remember: false });
    for (const state of ['uploading', 'published'] as const) {
      const { unmount } = render(
        <UploadJobCard job={jobView({ state })} onCancel={noop} onDismiss={noop} onProvideFile={provide} />,
      );
      for (const button of screen.getAllByRole('button')) {
        const name = button.getAttribute('aria-label') ?? '';
        expect(name.toLocaleLowerCase(locale)).toContain((button.textContent ?? '').trim().toLocaleLowerCase(locale));
      }
      unmount();
    }
  });
});
